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
/// around them change.
///
/// WeasyPrint 70 (the archive copy) marks a margin box's text as tagged content and hangs it on
/// elements outside the document's tree. There each margin box is drawn inside the same
/// Header or Footer artifact, its text unmarked, and the tree leaves it out.
enum WeasyPrintArtifacts {
    static let python = #"""
    def _indstil_begin_pagination_artifact(stream, box):
        # PDF/UA-1 7.8: a running head or foot is a Header or Footer, attached to its edge; other
        # page furniture (a background, a side margin box) is only Pagination.
        import pydyf
        properties = {"Type": "/Pagination"}
        side = (getattr(box, "at_keyword", "") or "").lstrip("@").split("-")[0]
        if side in ("top", "bottom"):
            properties["Subtype"] = "/Header" if side == "top" else "/Footer"
            properties["Attached"] = pydyf.Array(["/Top" if side == "top" else "/Bottom"])
        pydyf.Stream.begin_marked_content(stream, "Artifact", pydyf.Dictionary(properties))
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
                _indstil_begin_pagination_artifact(self, box)
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
    def _indstil_page_furniture_as_artifacts_70():
        import inspect
        from contextlib import contextmanager
        import pydyf
        import weasyprint
        if not weasyprint.__version__.startswith("70."):
            return
        import weasyprint.draw as draw
        import weasyprint.pdf as pdf
        import weasyprint.pdf.tags as tags
        from weasyprint.formatting_structure.boxes import MarginBox
        from weasyprint.pdf.stream import Stream
        branch = ("    elif isinstance(box, boxes.MarginBox):\n"
                  "        # Build tree for margin boxes but don\u2019t link it to main tree. It ensures that\n"
                  "        # marked content is mapped in document and removed from list. It could be\n"
                  "        # included in tree as Artifact, but that\u2019s only allowed in PDF 2.0.\n"
                  "        for child in box.children:\n"
                  "            tuple(_build_box_tree(\n"
                  "                child, parent, pdf, page_number, nums, annotations, tags))\n"
                  "        return\n")
        source = inspect.getsource(tags)
        marking = inspect.getsource(Stream.marked)
        if source.count(branch) != 1 or "mcid = len(self._tags)" not in marking or pdf.add_tags is not tags.add_tags:
            return
        # A margin box's text was never marked (below): nothing of it goes into the tree.
        exec(compile(source.replace(branch, "    elif isinstance(box, boxes.MarginBox):\n        return\n"), tags.__file__, "exec"), tags.__dict__)
        pdf.add_tags = tags.add_tags
        marked = Stream.marked
        @contextmanager
        def marked_outside_margins(self, box, tag):
            if getattr(self, "_indstil_margin", False):
                yield
            else:
                with marked(self, box, tag):
                    yield
        Stream.marked = marked_outside_margins
        cloning = Stream.clone
        def clone(self, **options):
            made = cloning(self, **options)
            made._indstil_margin = getattr(self, "_indstil_margin", False)
            return made
        Stream.clone = clone
        drawing = draw.draw_stacking_context
        def draw_stacking_context(stream, stacking_context):
            if not isinstance(stacking_context.box, MarginBox) or stream._tags is None or getattr(stream, "_indstil_margin", False):
                return drawing(stream, stacking_context)
            _indstil_begin_pagination_artifact(stream, stacking_context.box)
            stream._indstil_margin = True
            try:
                drawing(stream, stacking_context)
            finally:
                stream._indstil_margin = False
                pydyf.Stream.end_marked_content(stream)
        draw.draw_stacking_context = draw_stacking_context
    try:
        _indstil_page_furniture_as_artifacts()
    except Exception:
        pass
    try:
        _indstil_page_furniture_as_artifacts_70()
    except Exception:
        pass
    """#
}
