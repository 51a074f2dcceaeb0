import Testing
import IndstilCore

@Suite("The profile a new document starts with")
struct ProfilePreferenceTests {
    let available = ["aarhus-byraad", "aarhus-raadmand", "betaenkning-bilag", "randers-byraad"]

    @Test("The most used profile wins")
    func mostUsed() {
        #expect(ProfilePreference.preferred(available: available, used: ["randers-byraad", "aarhus-byraad", "randers-byraad", nil],
                                            configured: "aarhus-byraad") == "randers-byraad")
    }

    @Test("A tie goes to indstil.yml's profile, then to the first by name")
    func ties() {
        let used = ["randers-byraad", "aarhus-raadmand"]
        #expect(ProfilePreference.preferred(available: available, used: used, configured: "randers-byraad") == "randers-byraad")
        #expect(ProfilePreference.preferred(available: available, used: used, configured: "aarhus-byraad") == "aarhus-raadmand")
        #expect(ProfilePreference.preferred(available: available, used: used, configured: nil) == "aarhus-raadmand")
    }

    @Test("Unknown profiles do not count; with none used, indstil.yml's profile, then the first by name")
    func noneUsed() {
        #expect(ProfilePreference.preferred(available: available, used: ["findes-ikke", "findes-ikke", "aarhus-raadmand"],
                                            configured: nil) == "aarhus-raadmand")
        #expect(ProfilePreference.preferred(available: available, used: [], configured: "betaenkning-bilag") == "betaenkning-bilag")
        #expect(ProfilePreference.preferred(available: available, used: [nil], configured: "findes-ikke") == "aarhus-byraad")
        #expect(ProfilePreference.preferred(available: [], used: ["x"], configured: nil) == nil)
    }
}
