/// Python that lets WeasyPrint 57 set one document as several pieces at once, each in its own
/// session (`WeasyPrintSession`), one piece per core, with the page numbers of the whole.
///
/// A packet's pieces (`WeasyPrint.setInPieces`) are whole HTML documents with the same style,
/// each a run of its chapters, cut where a page break is forced anyway. Laid out alone, a
/// piece's pages are the pages the whole document has there; only what shows a page number
/// differs: "side 12 af 659" in the margin, and `target-counter()` (the bilagsfortegnelse, the
/// "(side 12)" after an internal link), which may point into another piece. So each piece:
///
/// 1. lays itself out as WeasyPrint does (an anchor of another piece counts as known, with
///    no page yet);
/// 2. tells the others (a JSON file in the pieces' exchange folder) how many pages it has,
///    the page of each of its anchors, and the last value of each running string
///    (`string-set`: the bundle title on the cover, the running head);
/// 3. once all have told, knows its first page number, the total, and every anchor's page:
///    WeasyPrint's own machinery lays out again the pages that show a target's page (the
///    bilagsfortegnelse, a chapter's list of appendices, "(side 12)"), once, with the numbers
///    of the whole (WeasyPrint would lay out the pages with forward references again at once;
///    a piece waits for the exchange). The pieces tell each other again what that gave, until
///    nothing changes (a number one digit longer can wrap a line and move a page break);
///    then the margins get the whole document's page numbers and running strings;
/// 4. writes its PDF, with its links into other pieces kept (`/Dest` names the join resolves).
///
/// A piece refuses (the document is then set whole) when the numbers do not settle in four
/// rounds, when its content shows its own `counter(page)`, when it links to an anchor no piece
/// has, when a piece failed, or when the others do not answer in time. `PDFJoin` puts the pieces' PDFs together. Only for
/// WeasyPrint 57 (Debian 12's), whose code this is written against; another WeasyPrint sets
/// the document whole.
enum WeasyPrintPieces {
    /// What a session answers when it cannot set pieces (no WeasyPrint 57, or a piece refused).
    static let refusal = "indstil-piece-refused"

    /// Defines `_indstil_pieces`: nil, or `(begin(job), end(), stop(job))`.
    static let python = #"""
    def _indstil_set_in_pieces():
        import copy, inspect, json, os, time
        import weasyprint
        if not weasyprint.__version__.startswith("57."):
            return None
        import weasyprint.document as document_module
        import weasyprint.layout as layout
        import weasyprint.pdf as pdf_module
        import weasyprint.links as links
        from weasyprint.css.targets import TargetCollector, TargetLookupItem, anchor_name_from_token
        from weasyprint.layout.page import make_all_pages

        class Refused(Exception):
            pass

        class Outside:
            # The box of an anchor another piece sets: no counters of its own.
            cached_counter_values = {}

        class Piece:
            def __init__(self, job):
                self.folder, self.index, self.count = job["folder"], job["index"], job["count"]
                self.timeout = job.get("timeout", 600)
                self.outside = set()  # anchors other pieces set
                self.own = {}         # this piece's anchors: (page counters as laid out, page index)
                self.offset = 0       # the pages before this piece
                self.total = None     # the pages of all pieces
                self.strings = {}     # the running strings the pieces before left

            def path(self, name):
                return os.path.join(self.folder, name)

            def publish(self, name, value):
                with open(self.path(name + ".tmp"), "w", encoding="utf-8") as out:
                    json.dump(value, out)
                os.rename(self.path(name + ".tmp"), self.path(name))

            def gather(self, pattern):
                deadline = time.monotonic() + self.timeout
                found = {}
                while len(found) < self.count:
                    if os.path.exists(self.path("stop")):
                        raise Refused("another piece stopped")
                    for index in range(self.count):
                        if index not in found and os.path.exists(self.path(pattern % index)):
                            with open(self.path(pattern % index), encoding="utf-8") as source:
                                found[index] = json.load(source)
                    if len(found) < self.count:
                        if time.monotonic() > deadline:
                            raise Refused("the other pieces did not answer")
                        time.sleep(0.002)
                return [found[index] for index in range(self.count)]

        state = {"piece": None}

        lookup_target = TargetCollector.lookup_target

        def lookup_target_in_piece(self, anchor_token, source_box, css_token, parse_again):
            piece = state["piece"]
            if piece is not None:
                name = anchor_name_from_token(anchor_token)
                if name is not None and name not in self.target_lookup_items:
                    item = TargetLookupItem("up-to-date")
                    item.target_box = Outside()
                    item.page_maker_index = -1
                    self.target_lookup_items[name] = item
                    piece.outside.add(name)
            return lookup_target(self, anchor_token, source_box, css_token, parse_again)

        TargetCollector.lookup_target = lookup_target_in_piece

        cache_target_page_counters = TargetCollector.cache_target_page_counters

        def in_whole(piece, values):
            values = dict(values)
            if "page" in values:
                values["page"] = [value + piece.offset for value in values["page"]]
            if piece.total is not None:
                values["pages"] = [piece.total]
            return values

        def cache_target_page_counters_in_piece(self, anchor_name, page_counter_values, page_maker_index, page_maker):
            piece = state["piece"]
            if piece is not None and not self.collecting and anchor_name not in piece.outside:
                piece.own[anchor_name] = (copy.deepcopy(page_counter_values), page_maker_index)
                page_counter_values = in_whole(piece, page_counter_values)
            return cache_target_page_counters(self, anchor_name, page_counter_values, page_maker_index, page_maker)

        TargetCollector.cache_target_page_counters = cache_target_page_counters_in_piece

        def last_strings(pages):
            found = {}
            for page in pages:
                for child in page.descendants():
                    assigned = child.string_set
                    if assigned and assigned != "none":
                        for name, text in assigned:
                            found[name] = text
            return found

        def laid_out(piece, collector, pages):
            # counter(page) in the content itself (not a target's, not in the margins) would show
            # the page in the piece.
            own_page_shown = any("page" in item.missing_counters and not any("page" in names for names in item.missing_target_counters.values())
                                 for (_, token), item in collector.counter_lookup_items.items() if token == "content")
            return {
                "pages": len(pages),
                "anchors": {name: values.get("page", [0])[-1] for name, (values, _) in piece.own.items()},
                "strings": last_strings(pages),
                "refused": own_page_shown,
            }

        def exchange(html, root_box, context, pages, max_loops, original_footnotes):
            piece = state["piece"]
            if piece is None:
                return pages
            collector = context.target_collector
            # Round 0 tells what the first layout gave; each later round what the pages laid out
            # again with the numbers of the round before gave, until no piece changes (a number
            # one digit longer may wrap a line, and move a page break).
            piece.publish("laid-0-%d.json" % piece.index, laid_out(piece, collector, pages))
            laid = piece.gather("laid-0-%d.json")
            for number in range(1, 5):
                if any(part["refused"] for part in laid):
                    raise Refused("a piece shows its own page number in its content")
                piece.offset = sum(part["pages"] for part in laid[:piece.index])
                piece.total = sum(part["pages"] for part in laid)
                piece.strings = {}
                for part in laid[:piece.index]:
                    piece.strings.update(part["strings"])
                # Its own anchors at their pages in the whole document, then the others' anchors.
                for name, (values, index) in list(piece.own.items()):
                    collector.cache_target_page_counters(name, values, index, context.page_maker)
                where, before = {}, 0
                for part in laid:
                    for name, page in part["anchors"].items():
                        where.setdefault(name, page + before)
                    before += part["pages"]
                if any(name not in where for name in piece.outside):
                    # A link to an anchor no piece has: WeasyPrint drops its page number, set whole.
                    raise Refused("a link points at an anchor no piece has")
                for name in sorted(piece.outside):
                    if name in where:
                        collector.cache_target_page_counters(name, {"page": [where[name]], "pages": [piece.total]}, -1, context.page_maker)
                for _ in range(max_loops):
                    # As WeasyPrint's own loop starts each layout after the first.
                    context.footnotes = original_footnotes.copy()
                    pages = list(make_all_pages(context, root_box, html, pages))
                    if not any(data[-1]["content_changed"] for data in context.page_maker):
                        break
                piece.publish("laid-%d-%d.json" % (number, piece.index), laid_out(piece, collector, pages))
                again = piece.gather("laid-%d-%%d.json" % number)
                if again == laid:
                    break
                laid = again
            else:
                raise Refused("the pieces' page numbers did not settle")
            # The margins show the whole document's numbers.
            for data in context.page_maker:
                counters = data[3][1]
                if "page" in counters:
                    counters["page"] = [value + piece.offset for value in counters["page"]]
                counters["pages"] = [piece.total]
            return pages

        # After the first layout, a piece lays out again only in the exchange: the pages showing a
        # target's page, which WeasyPrint would lay out again at once, then show the numbers of the whole.
        source = inspect.getsource(layout.layout_document)
        hook = "    watch_elements = []\n"
        loop = "    for loop in range(max_loops):\n"
        if (source.count(hook) != 1 or source.count(loop) != 1 or "original_footnotes = context.footnotes.copy()" not in source
                or not source.startswith("def layout_document(html, root_box, context, max_loops=8):")):
            return None
        namespace = dict(layout.__dict__)
        namespace["_indstil_exchange"] = exchange
        namespace["_indstil_loops"] = lambda max_loops: 1 if state["piece"] is not None else max_loops
        source = source.replace(loop, "    for loop in range(_indstil_loops(max_loops)):\n")
        source = source.replace(hook, "    pages = _indstil_exchange(html, root_box, context, pages, max_loops, original_footnotes)\n" + hook)
        exec(compile(source, layout.__file__, "exec"), namespace)
        document_module.layout_document = namespace["layout_document"]

        context_class = document_module.LayoutContext
        get_string_or_element_for = context_class.get_string_or_element_for

        def get_string_or_element_in_piece(self, store, page, name, keyword):
            value = get_string_or_element_for(self, store, page, name, keyword)
            piece = state["piece"]
            if value is None and piece is not None and store is self.string_set and self.current_page not in store[name]:
                return piece.strings.get(name)
            return value

        context_class.get_string_or_element_for = get_string_or_element_in_piece

        resolve_links = links.resolve_links

        def resolve_links_in_piece(pages):
            piece = state["piece"]
            if piece is None:
                yield from resolve_links(pages)
                return
            # As WeasyPrint's, except that a link to another piece's anchor stays: the join names it.
            anchors, paged_anchors = set(), []
            for page in pages:
                paged_anchors.append([])
                for anchor_name, (point_x, point_y) in page.anchors.items():
                    if anchor_name not in anchors:
                        paged_anchors[-1].append((anchor_name, point_x, point_y))
                        anchors.add(anchor_name)
            for page, page_anchors in zip(pages, paged_anchors):
                yield [link for link in page.links if link[0] != "internal" or link[1] in anchors or link[1] in piece.outside], page_anchors

        if getattr(pdf_module, "resolve_links", None) is not resolve_links:
            return None
        pdf_module.resolve_links = resolve_links_in_piece

        def begin(job):
            state["piece"] = Piece(job)

        def end():
            state["piece"] = None

        def stop(job):
            # Tells the other pieces not to wait for this one.
            try:
                with open(os.path.join(job["folder"], "stop"), "w") as out:
                    out.write("stop")
            except OSError:
                pass

        return begin, end, stop

    try:
        _indstil_pieces = _indstil_set_in_pieces()
    except Exception:
        _indstil_pieces = None
    """#
}
