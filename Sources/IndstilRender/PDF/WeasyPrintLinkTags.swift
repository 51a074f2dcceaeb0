/// Python that makes WeasyPrint 57 put each link annotation in the structure element of its
/// link text. Both launchers run it before WeasyPrint's `main`, after `WeasyPrintRelayout`.
///
/// WeasyPrint 57's PDF/UA writer (`weasyprint/pdf/pdfua.py`) makes an object reference
/// (`/OBJR`) for every piece of link text but puts it in no element, points the annotation's
/// ParentTree entry at the bare reference, and flags the annotation hidden where it means
/// printed (`2 ** (2 - 1)`, bit 2, for bit 3). A screen reader finds no link behind the text,
/// and a PDF/UA checker counts every link as untagged. The replacements put the reference in
/// the element that gets the link text's marked content, point the ParentTree at that
/// element, and set the print flag. Which element the text belongs to is only known while
/// WeasyPrint walks its boxes, which is why this is done there and not afterwards.
///
/// The same writer walked the whole element tree, and made a tuple of every page's reference
/// several times over, for every page: a square in the page count (3 s of the 659-page bench
/// bundle). The tree and the references are now made once; each page gets its own fresh
/// entries as it asks for them, as before.
///
/// Each replacement is made only when all of the code is exactly what it was written for
/// (WeasyPrint 70 tags links itself and is left as it is).
enum WeasyPrintLinkTags {
    static let python = #"""
    def _indstil_link_annotations_in_their_elements():
        import inspect
        import weasyprint.pdf.pdfua as pdfua
        source = inspect.getsource(pdfua)
        def line(indent, text):
            return " " * indent + text + "\n"
        replacements = (
            (line(12, "kids = [mcid]"),
             line(12, "kids = [mcid]") + line(12, "link_annotation = None") + line(12, "link_holder = None")),
            (line(16, "links.append((object_reference.reference, box.link_annotation))"),
             line(16, "kids.append(object_reference.reference)") + line(16, "link_annotation = box.link_annotation")),
            (line(16, "kid = child.reference"),
             line(16, "kid = child.reference")
             + line(16, "if link_annotation is not None and link_holder is None:")
             + line(20, "link_holder = structure_data['element']")
             + line(20, "links.append((link_holder.reference, link_annotation))")),
            (line(8, "annotation['F'] = 2 ** (2 - 1)"), line(8, "annotation['F'] = 2 ** (3 - 1)")),
            # Linear time: the page references and the element tree once, not once per page.
            (line(4, "for page_number, page_stream in enumerate(page_streams):"),
             line(4, "page_references = pdf.page_references") + line(4, "element_parents = {}")
             + line(4, "document.build_element_structure(element_parents)")
             + line(4, "for page_number, page_stream in enumerate(page_streams):")),
            (line(8, "structure = {}") + line(8, "document.build_element_structure(structure)"),
             line(8, "structure = _IndstilStructure(element_parents)")),
        )
        if any(source.count(before) != 1 for before, _ in replacements) or source.count("pdf.page_references[page_number]") < 1:
            return
        for before, after in replacements:
            source = source.replace(before, after)
        source = source.replace("pdf.page_references[page_number]", "page_references[page_number]")

        class _IndstilStructure(dict):
            """A page's fresh copy of the element tree, made as the page's elements are asked for."""
            def __init__(self, parents):
                super().__init__()
                self.parents = parents
            def __missing__(self, key):
                value = self[key] = {"parent": self.parents[key]["parent"]}
                return value

        pdfua.__dict__["_IndstilStructure"] = _IndstilStructure
        exec(compile(source, pdfua.__file__, "exec"), pdfua.__dict__)
        # The table of variants holds the function it was imported with.
        import weasyprint.pdf as package
        for name, (writer, options) in list(package.VARIANTS.items()):
            if getattr(writer, "__module__", "") == pdfua.__name__ and getattr(writer, "__name__", "") == "pdfua":
                package.VARIANTS[name] = (pdfua.pdfua, options)

    try:
        _indstil_link_annotations_in_their_elements()
    except Exception:
        pass
    """#
}
