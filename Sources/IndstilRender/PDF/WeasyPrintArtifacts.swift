/// Python that makes WeasyPrint 57 mark page furniture as artifacts. Both launchers run it
/// before WeasyPrint's `main`, after `WeasyPrintLinkTags`.
///
/// WeasyPrint 57 marks everything it draws as tagged content: the running head and the
/// "side 3 af 9" of the page margins become a `NonStruct` on every page, read out again and
/// again, and the page's own background and the backgrounds and borders drawn before any
/// element is entered are painted outside any marked content. Here the margin boxes are drawn
/// inside `/Artifact <</Type /Pagination>> BDC … EMC` (nothing inside them gets a marked-content
/// id; those at the top are `/Subtype /Header`, those at the bottom `/Subtype /Footer`, as
/// PDF/UA-1 7.8 asks of running heads and feet), the page box itself is no longer one marked sequence around everything (an artifact
/// inside tagged content is not allowed), and backgrounds and borders drawn outside any
/// element are artifacts. The pages look the same and hold the same text; only the marks
/// around them change. WeasyPrint 70 (the archive copy) is left as it is.
enum WeasyPrintArtifacts {
    static let python = #"""
    def _indstil_page_furniture_as_artifacts():
        import pydyf
        from weasyprint.pdf.stream import Stream
        from weasyprint.formatting_structure.boxes import MarginBox, PageBox
        import weasyprint.draw as draw
        import inspect
        begin, end = Stream.begin_marked_content, Stream.end_marked_content
        import weasyprint
        if not weasyprint.__version__.startswith("57.") or list(inspect.signature(begin).parameters) != ["self", "box", "mcid", "tag"]:
            return
        def begin_marked_content(self, box, mcid=False, tag=None):
            stack = self.__dict__.setdefault("_indstil_marks", [])
            inside = "artifact" in stack
            if not self._mark:
                return begin(self, box, mcid, tag)
            if inside:
                stack.append("skipped")
                return
            if isinstance(box, PageBox) and tag is None:
                # The page itself holds the margin boxes: not marked, so that they can be artifacts
                # (an artifact inside tagged content is not allowed).
                stack.append("skipped-page")
                return
            if isinstance(box, MarginBox) or tag == "Artifact":
                stack.append("artifact")
                properties = {"Type": "/Pagination"}
                side = (getattr(box, "at_keyword", "") or "").lstrip("@").split("-")[0]
                if side in ("top", "bottom"):
                    # PDF/UA-1 7.8: a running head or foot is a Header or Footer, attached to its edge.
                    properties["Subtype"] = "/Header" if side == "top" else "/Footer"
                    properties["Attached"] = pydyf.Array(["/Top" if side == "top" else "/Bottom"])
                pydyf.Stream.begin_marked_content(self, "Artifact", pydyf.Dictionary(properties))
                return
            stack.append("marked")
            return begin(self, box, mcid, tag)
        def end_marked_content(self):
            stack = self.__dict__.setdefault("_indstil_marks", [])
            kind = stack.pop() if stack else "marked"
            if kind in ("skipped", "skipped-page"):
                return
            if kind == "artifact":
                return pydyf.Stream.end_marked_content(self)
            return end(self)
        Stream.begin_marked_content = begin_marked_content
        Stream.end_marked_content = end_marked_content
        # A group (opacity) or pattern is a stream of its own, drawn where the parent's marks are open.
        for name in ("add_group", "add_pattern"):
            making = getattr(Stream, name, None)
            if making is None:
                continue
            def inheriting(self, *arguments, _making=making, **options):
                made = _making(self, *arguments, **options)
                if isinstance(made, Stream):
                    made.__dict__["_indstil_marks"] = list(self.__dict__.get("_indstil_marks", []))
                return made
            setattr(Stream, name, inheriting)
        source = inspect.getsource(draw)
        old = "    draw_background(\n        stream, stacking_context.box.background, clip_box=False, bleed=bleed,\n        marks=marks)\n    draw_background(stream, page.canvas_background, clip_box=False)\n    draw_border(stream, page)\n"
        new = "    stream.begin_marked_content(page, tag='Artifact')\n" + old + "    stream.end_marked_content()\n"
        if source.count(old) == 1:
            exec(compile(source.replace(old, new), draw.__file__, "exec"), draw.__dict__)
            import weasyprint.document as document
            document.draw_page = draw.draw_page
        backgrounds = draw.draw_box_background_and_border
        def draw_box_background_and_border(stream, page, box):
            stack = stream.__dict__.get("_indstil_marks", [])
            if not getattr(stream, "_mark", False) or "marked" in stack or "artifact" in stack:
                return backgrounds(stream, page, box)
            stream.begin_marked_content(box, tag="Artifact")
            try:
                backgrounds(stream, page, box)
            finally:
                stream.end_marked_content()
        draw.draw_box_background_and_border = draw_box_background_and_border
    try:
        _indstil_page_furniture_as_artifacts()
    except Exception:
        pass
    """#
}
