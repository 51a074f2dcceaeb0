/// The version the CLI prints and reports (SARIF's semanticVersion) carry.
public enum IndstilVersion {
    public static let current = "0.2.0"
}
