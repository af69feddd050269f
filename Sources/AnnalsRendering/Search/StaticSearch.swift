import Foundation

/// Search for the static site: an index of every document written as a script beside the search page, and the
/// script that answers queries from it in the browser.
///
/// The live server runs the whole query language over SQLite; a static copy has no server, so `annals site`
/// writes `search/index.js` (documents and an inverted index of their words) and `search/search.js`. The
/// static search page reads `?q=` and answers words (all must occur), `prefix*`, `OR` between two terms,
/// `-exclusion`, and the facet fields `place:` (code or name), `topic:`, `source:` and `date:` (a year,
/// month or day prefix), with facet links that refine the query like the live page's. The index keeps no
/// word positions, so a `"phrase"` finds its words in any order; parentheses are ignored. Without
/// JavaScript the page says what to use instead. Words
/// are folded the same way on both sides: decomposed, combining marks dropped, lower-cased, split at anything
/// but letters and digits.
public enum StaticSearch {
    /// One document as the static index lists it.
    public struct Entry: Sendable {
        /// The document page's link, relative to the search page.
        public var href: String
        /// The title shown.
        public var title: String
        /// The citation line ("By Monica Ruiz, Workers World, 1 May 1997"), or `nil`.
        public var citation: String?
        /// `YYYY-MM-DD`, or `nil`.
        public var date: String?
        /// Country codes.
        public var places: [String]
        /// Topic names.
        public var topics: [String]
        /// The publication or list.
        public var source: String?
        /// The words searched: headline, subject, authors and the shown text.
        public var text: String

        /// Creates an entry.
        public init(
            href: String, title: String, citation: String?, date: String?, places: [String], topics: [String],
            source: String?, text: String
        ) {
            self.href = href
            self.title = title
            self.citation = citation
            self.date = date
            self.places = places
            self.topics = topics
            self.source = source
            self.text = text
        }
    }

    /// The words of a text as the index and the script both fold them.
    public static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count > 1 { words.insert(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The text of `search/index.js`: `window.ANNALS_SEARCH = {docs, terms, names}`.
    ///
    /// - Parameters:
    ///   - entries: Every document, in the order results are listed (newest first reads best).
    ///   - placeNames: The display name of each country code used.
    /// - Returns: The script.
    public static func indexScript(_ entries: [Entry], placeNames: [String: String]) -> String {
        var postings: [String: [Int]] = [:]
        for (position, entry) in entries.enumerated() {
            for word in words(entry.text) { postings[word, default: []].append(position) }
        }
        let documents: [Any] = entries.map { entry in
            [
                entry.href, entry.title, entry.citation ?? "", entry.date ?? "", entry.places, entry.topics,
                entry.source ?? "",
            ] as [Any]
        }
        let object: [String: Any] = ["docs": documents, "terms": postings, "names": placeNames]
        return "window.ANNALS_SEARCH = " + Escaping.scriptJSON(JSONText.serialize(object, pretty: false)) + ";\n"
    }

    /// The text of `search/search.js`, which answers the query in the page's address from the index.
    public static let script = #"""
        (function () {
          "use strict";
          var index = window.ANNALS_SEARCH;
          var out = document.getElementById("static-results");
          if (!index || !out) { return; }
          out.textContent = "";
          var params = new URLSearchParams(window.location.search);
          var query = (params.get("q") || "").trim();
          var box = document.getElementById("q");
          if (box) { box.value = query; }
          if (!query) { return; }
          function fold(text) {
            return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
          }
          function words(text) {
            return fold(text).split(/[^\p{L}\p{N}*]+/u).filter(function (w) { return w.length > 1; });
          }
          // Clauses are ANDed; "OR" joins a term to the one before it; "-" excludes. A phrase asks for
          // its words (the index keeps no positions); parentheses are ignored.
          var clauses = [], joinNext = false;
          (query.match(/-?[A-Za-z]+:"[^"]*"|-?"[^"]*"|\S+/g) || []).forEach(function (raw) {
            if (raw === "OR") { joinNext = clauses.length > 0; return; }
            var negate = raw.length > 1 && raw.charAt(0) === "-";
            var text = (negate ? raw.slice(1) : raw).replace(/[()]/g, "");
            var field = /^(place|topic|source|date):(.+)$/i.exec(text);
            var term = field
              ? { field: field[1].toLowerCase(), value: fold(field[2].replace(/"/g, "")) }
              : { words: words(text.replace(/"/g, "")) };
            if (!field && term.words.length === 0) { return; }
            if (joinNext && !negate && !clauses[clauses.length - 1].negate) {
              clauses[clauses.length - 1].terms.push(term);
            } else {
              clauses.push({ negate: negate, terms: [term] });
            }
            joinNext = false;
          });
          function intersect(a, b) {
            return new Set(Array.from(a).filter(function (i) { return b.has(i); }));
          }
          function wordMatches(word) {
            var found = new Set();
            if (word.endsWith("*")) {
              var prefix = word.slice(0, -1);
              Object.keys(index.terms).forEach(function (term) {
                if (term.startsWith(prefix)) { index.terms[term].forEach(function (i) { found.add(i); }); }
              });
            } else {
              (index.terms[word.replace(/\*/g, "")] || []).forEach(function (i) { found.add(i); });
            }
            return found;
          }
          function fieldMatches(d, term) {
            var value = term.value;
            if (term.field === "place") {
              return d[4].some(function (c) { return fold(c) === value || fold(index.names[c] || "") === value; });
            }
            if (term.field === "topic") { return d[5].some(function (t) { return fold(t) === value; }); }
            if (term.field === "source") { return fold(d[6]) === value; }
            return d[3].indexOf(value) === 0;
          }
          function termMatches(term) {
            if (term.field) {
              var found = new Set();
              index.docs.forEach(function (d, i) { if (fieldMatches(d, term)) { found.add(i); } });
              return found;
            }
            return term.words.map(wordMatches).reduce(intersect);
          }
          var included = null, excluded = new Set();
          clauses.forEach(function (clause) {
            var found = new Set();
            clause.terms.forEach(function (term) { termMatches(term).forEach(function (i) { found.add(i); }); });
            if (clause.negate) {
              found.forEach(function (i) { excluded.add(i); });
            } else {
              included = included === null ? found : intersect(included, found);
            }
          });
          var list = (included === null ? index.docs.map(function (_, i) { return i; }) : Array.from(included))
            .filter(function (i) { return !excluded.has(i); })
            .sort(function (a, b) { return a - b; });
          function element(name, text, attributes) {
            var node = document.createElement(name);
            if (text !== undefined) { node.textContent = text; }
            Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
            return node;
          }
          function refine(field, value) {
            var quoted = /[\s:]/.test(value) ? "\"" + value.replace(/"/g, "") + "\"" : value;
            return "?q=" + encodeURIComponent(query + " " + field + ":" + quoted);
          }
          if (list.length === 0) {
            out.appendChild(element("p", "No document matches this search.", { "class": "error" }));
            return;
          }
          var groups = [["Places", "place", 4], ["Topics", "topic", 5], ["Sources", "source", 6], ["Years", "date", 3]];
          out.appendChild(element("h2", "Refine"));
          groups.forEach(function (group) {
            var counts = {};
            list.forEach(function (i) {
              var value = index.docs[i][group[2]];
              var values = Array.isArray(value) ? value : (value ? [group[1] === "date" ? value.slice(0, 4) : value] : []);
              values.forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
            });
            var top = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); }).slice(0, 10);
            if (top.length === 0) { return; }
            out.appendChild(element("h3", group[0]));
            var ul = element("ul", undefined, { "class": "inline" });
            top.forEach(function (v) {
              var li = element("li");
              li.appendChild(element("a", group[1] === "place" ? (index.names[v] || v) : v, { href: refine(group[1], v) }));
              li.appendChild(document.createTextNode(" "));
              li.appendChild(element("span", String(counts[v]), { "class": "count" }));
              ul.appendChild(li);
            });
            out.appendChild(ul);
          });
          var page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
          var shown = list.slice((page - 1) * 50, page * 50);
          out.appendChild(element("h2", list.length + (list.length === 1 ? " document" : " documents")));
          var entries = element("ol", undefined, { "class": "entries", start: String((page - 1) * 50 + 1) });
          shown.forEach(function (i) {
            var d = index.docs[i];
            var li = element("li");
            li.appendChild(element("a", d[1], { href: d[0], "class": "title" }));
            if (d[2]) { li.appendChild(element("p", d[2], { "class": "citation" })); }
            entries.appendChild(li);
          });
          out.appendChild(entries);
          if (page * 50 < list.length) {
            out.appendChild(element("a", "Next", { href: "?q=" + encodeURIComponent(query) + "&page=" + (page + 1), rel: "next" }));
          }
        })();
        """#
}
