/// Python that keeps WeasyPrint from laying pages out again when nothing they show has changed.
/// Both launchers run it before WeasyPrint's `main` (`WeasyPrintProgram`, `WeasyPrintSession`).
///
/// WeasyPrint 57 lays a document out, then again for every page whose generated content
/// (`target-counter(attr(href), page)`: the page numbers of a bilagsfortegnelse and of the
/// "(side 12)" after an internal link) may have changed, until nothing changes. It decides
/// "may have changed" by comparing *all* of a page's counters with the ones it saw last, and
/// the counter `pages` (the total) is only known after the first round. So every page with
/// such a link was laid out a third time although the numbers it shows were the same: on the
/// 659-page bench bundle 1.421 page layouts instead of 1.041, 30 s instead of 25 s.
///
/// The two replacements compare only the counters the content uses (the `page` of the link's
/// target, the `page` of the box itself), which is what WeasyPrint's own TODO in
/// `cache_target_page_counters` asks ("is the item at all interested in the new
/// page_counter_values?"). A page whose shown numbers did change is laid out again exactly as
/// before, and so are the pages after it if its breaks moved. The text and the pages set are
/// the same (`WeasyPrintRelayoutTests`). Each replacement is made only when WeasyPrint's code
/// is exactly the code it was written for, and only in WeasyPrint 57: in 70 (the archive copy)
/// the same replacement left every forward reference at page 0. Otherwise WeasyPrint runs as it
/// is, slower.
enum WeasyPrintRelayout {
    static let python = #"""
    def _indstil_relayout_only_on_change():
        import copy, inspect
        import weasyprint
        # Only 57: WeasyPrint 70's code matches, but there the first layout's forward references
        # are never laid out again, and a bilagsfortegnelse showed page 0 for every entry.
        if not weasyprint.__version__.startswith("57."):
            return
        import weasyprint.layout.page as page
        from weasyprint.css.targets import TargetCollector
        source = inspect.getsource(page)
        def lines(*indented):
            return "".join(" " * indent + text + "\n" for indent, text in indented)
        head = ((16, "if refresh_missing_counters and page_counter_values != \\"),
                (24, "counter_lookup.cached_page_counter_values:"))
        middle = ((20, "counter_lookup.cached_page_counter_values = \\"),
                  (24, "copy.deepcopy(page_counter_values)"),
                  (20, "for counter_name in missing_counters:"),
                  (24, "counter_value = page_counter_values.get("),
                  (28, "counter_name, None)"))
        before = lines(*head, *middle, (24, "if counter_value is not None:"))
        after = lines(*head, (20, "previous_values = counter_lookup.cached_page_counter_values"), *middle,
                      (24, "if counter_value is not None and counter_value != previous_values.get(counter_name):"))
        if source.count(before) != 1 or "def cache_target_page_counters(self, anchor_name, page_counter_values,\n" not in inspect.getsource(TargetCollector):
            return
        exec(compile(source.replace(before, after), page.__file__, "exec"), page.__dict__)
        spread = TargetCollector.cache_target_page_counters

        def cache_target_page_counters(self, anchor_name, page_counter_values, page_maker_index, page_maker):
            item = None if self.collecting else self.target_lookup_items.get(anchor_name)
            seen = getattr(item, "cached_page_counter_values", None)
            if item is not None and item.state == "up-to-date" and isinstance(seen, dict) and seen and seen != page_counter_values:
                wanted = set()
                for (_, css_token), lookup in self.counter_lookup_items.items():
                    if css_token == "content":
                        wanted.update(lookup.missing_target_counters.get(anchor_name, ()))
                if all(seen.get(name) == page_counter_values.get(name) for name in wanted):
                    item.page_maker_index = page_maker_index
                    item.cached_page_counter_values = copy.deepcopy(page_counter_values)
                    return
            return spread(self, anchor_name, page_counter_values, page_maker_index, page_maker)

        TargetCollector.cache_target_page_counters = cache_target_page_counters

    try:
        _indstil_relayout_only_on_change()
    except Exception:
        pass
    """#
}
