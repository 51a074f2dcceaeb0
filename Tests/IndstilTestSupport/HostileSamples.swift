/// Hostile parts of a municipality's look, shared by the core and end-to-end tests:
/// Word field codes and SVG logos with scripts, outside references and entities.
public enum HostileSamples {
    /// A complex field as Word writes it: begin, instruction, separate, shown text, end.
    public static func field(_ instruction: String, shows shown: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(instruction) </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>\(shown)</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    public static let scriptSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50" viewBox="0 0 100 50" onload="alert(1)">
          <script type="text/javascript">alert(document.cookie)</script>
          <rect width="100" height="50" fill="#1d5e3a" onclick="alert(2)" style="fill: url(http://sporing.example/a.svg#x); stroke: #000"/>
          <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://sporing.example"/></foreignObject>
          <image href="http://sporing.example/pixel.png" width="1" height="1"/>
          <image xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="1" height="1"/>
          <use xlink:href="ekstern.svg#logo"/>
          <a xlink:href="javascript:alert(3)"><circle cx="5" cy="5" r="4" fill="url(https://sporing.example/#g)"/></a>
          <animate attributeName="href" to="javascript:alert(4)"/><set attributeName="xlink:href" to="javascript:alert(5)"/>
          <style>@import url(http://sporing.example/x.css); rect { fill: red }</style>
          <?xml-stylesheet href="http://sporing.example/y.css"?>
        </svg>
        """
    public static let entitySVG = """
        <?xml version="1.0"?>
        <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>
        """
    public static let laughsSVG = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&lol4;</text></svg>
        """
    /// What Inkscape writes: its own namespaces, metadata, gradients referred to by xlink:href.
    public static let inkscapeSVG = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!-- Created with Inkscape (http://www.inkscape.org/) -->
        <svg width="120" height="60" viewBox="0 0 120 60" version="1.1" id="svg1"
           xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
           xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
           xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#">
          <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="2"/>
          <defs id="defs1">
            <linearGradient id="stops"><stop offset="0" style="stop-color:#005a8c;stop-opacity:1"/><stop offset="1" style="stop-color:#1d5e3a;stop-opacity:1"/></linearGradient>
            <linearGradient inkscape:collect="always" xlink:href="#stops" id="fill" x1="0" y1="0" x2="120" y2="0" gradientUnits="userSpaceOnUse"/>
          </defs>
          <metadata><rdf:RDF><cc:Work rdf:about=""><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Logo</dc:title></cc:Work></rdf:RDF></metadata>
          <g inkscape:label="Lag 1" inkscape:groupmode="layer" id="layer1">
            <rect style="fill:url(#fill);stroke:none" id="rect1" width="120" height="60" x="0" y="0"/>
            <circle style="fill:#ffffff" id="c1" cx="30" cy="30" r="20"/>
            <text xml:space="preserve" style="font-size:16px;font-family:'DejaVu Sans';fill:#ffffff" x="58" y="36" id="t1"><tspan sodipodi:role="line" id="ts1" x="58" y="36">Logo</tspan></text>
          </g>
        </svg>
        """
}
