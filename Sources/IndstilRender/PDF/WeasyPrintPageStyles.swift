/// Python that keeps WeasyPrint 57 from scanning every element's style for each page it lays
/// out. Both launchers run it after the other replacements (`WeasyPrintRelayout` compiles
/// `weasyprint.layout.page` anew, so this comes later).
///
/// For each page, `set_page_type_computed_styles` looks for the margin boxes of the page's
/// type (`@top-left`, `@bottom-right` …) by walking the cascaded styles of every element in
/// the document and comparing each with the page type: pages times elements. In a profile of
/// the 659-page bench bundle that walk took 1,5 of 41 seconds. Here the keys each
/// `add_page_declarations` adds for a page type are noted as they are added (the last entries
/// of the cascaded styles, which only grow), and the margin boxes of a page type are taken
/// from that note, in the order the walk found them. The styles computed are the same, so
/// are the pages. Made only when WeasyPrint's two functions are exactly the code this was
/// written for; otherwise WeasyPrint runs as it is.
enum WeasyPrintPageStyles {
    static let python = #"""
    def _indstil_page_styles_without_walking_every_element():
        import inspect, itertools
        import weasyprint
        import weasyprint.layout.page as page
        from weasyprint.css import StyleFor
        if not weasyprint.__version__.startswith("57."):
            return
        walking = ("    for element, pseudo_type in style_for.get_cascaded_styles():\n"
                   "        if pseudo_type and element == page_type:\n")
        adding = " ".join(inspect.getsource(StyleFor.add_page_declarations).split())
        if inspect.getsource(page.set_page_type_computed_styles).count(walking) != 1 \
                or adding.count("self._cascaded_styles.setdefault( (page_type, pseudo_type), {})") != 1 \
                or adding.count("_cascaded_styles") != 1:
            return
        declare = StyleFor.add_page_declarations
        def add_page_declarations(self, page_type):
            cascaded = self._cascaded_styles
            before = len(cascaded)
            declare(self, page_type)
            noted = self.__dict__.setdefault("_indstil_page_keys", {})
            for key in reversed(list(itertools.islice(reversed(cascaded), len(cascaded) - before))):
                noted.setdefault(key[0], []).append(key[1])
        def set_page_type_computed_styles(page_type, html, style_for):
            style_for.add_page_declarations(page_type)
            style_for.set_computed_styles(
                page_type, root=html.etree_element, parent=html.etree_element, base_url=html.base_url)
            for pseudo_type in style_for.__dict__.get("_indstil_page_keys", {}).get(page_type, ()):
                if pseudo_type:
                    style_for.set_computed_styles(
                        page_type, pseudo_type=pseudo_type, root=html.etree_element, parent=page_type,
                        base_url=html.base_url)
        StyleFor.add_page_declarations = add_page_declarations
        page.set_page_type_computed_styles = set_page_type_computed_styles
    try:
        _indstil_page_styles_without_walking_every_element()
    except Exception:
        pass
    """#
}
