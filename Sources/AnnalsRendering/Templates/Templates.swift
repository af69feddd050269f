public import Mustache

/// The Mustache templates of every HTML page, shared by the live server and the static site.
///
/// `{{name}}` escapes what it inserts; `{{{name}}}` is used only for HTML the renderer built itself (the
/// page body inside the layout, the map, JSON-LD already escaped for `<script>`).
public enum Templates {
    /// The templates, parsed once.
    public static let library: MustacheLibrary = {
        MustacheContentTypes.register(EscapedHTML(), named: EscapedHTML.name)
        var library = MustacheLibrary()
        for (name, text) in sources {
            // The templates are constants checked by the tests; a parse failure would be a programming error
            // caught there, and an unparsable template simply renders nothing here.
            try? library.register("{{% CONTENT_TYPE: \(EscapedHTML.name)}}" + text, named: name)
        }
        return library
    }()

    /// HTML escaping for `{{name}}`: the same five characters as Mustache's own HTML content type, escaped by
    /// ``Escaping/html(_:)`` on UTF-8 bytes rather than character by character (a fifth of a page's rendering).
    struct EscapedHTML: MustacheContentType {
        static let name = "ANNALS_HTML"

        func escapeText(_ text: String) -> String {
            Escaping.html(text)
        }
    }

    /// The template sources by name.
    public static let sources: [String: String] = [
        "layout": layout, "home": home, "menu": menu, "menuIndex": menuIndex, "document": document,
        "error": error, "search": search, "entries": entries, "linkList": linkList, "gatewayIndex": gatewayIndex,
        "gateway": gateway, "images": images,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Annals</title>
        {{#description}}<meta name="description" content="{{.}}">
        {{/description}}<link rel="stylesheet" href="{{links.stylesheet}}">
        {{#feeds}}<link rel="alternate" type="application/atom+xml" title="{{title}}" href="{{href}}">
        {{/feeds}}{{#alternates}}<link rel="alternate" type="{{type}}" href="{{href}}">
        {{/alternates}}{{{head}}}</head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="site">
        <a class="brand" href="{{links.home}}">Annals</a> <span class="count">a world-history archive</span>
        <nav aria-label="Documents menus"><ul>
        <li><a href="{{links.regions}}">Regions</a></li>
        <li><a href="{{links.topics}}">Topics</a></li>
        <li><a href="{{links.sources}}">Sources</a></li>
        <li><a href="{{links.periods}}">Periods</a></li>
        <li><a href="{{links.documents}}">All documents</a></li>
        <li><a href="{{links.gateway}}">Gateway</a></li>
        <li><a href="{{links.images}}">Images</a></li>
        <li><a href="{{links.search}}">Search</a></li>
        </ul></nav>
        </header>
        <main id="main"{{#wide}} class="wide"{{/wide}}>
        {{{content}}}
        </main>
        <footer class="site">
        <p>Annals keeps every document as it was received; each page shows the source's own notice.
        Dates are given as written by the sources. <a href="{{links.sitemap}}">Sitemap</a>.</p>
        </footer>
        </body>
        </html>

        """

    static let entries = """
        <ol class="entries">
        {{#entries}}<li class="entry"><a class="title" href="{{href}}">{{title}}</a>
        {{#citation}}<div class="citation">{{.}}</div>{{/citation}}
        {{#abstract}}<p class="abstract">{{.}}</p>{{/abstract}}</li>
        {{/entries}}</ol>
        """

    static let home = """
        <h1>The Annals archive</h1>
        <p>{{summary}}</p>
        <h2>Documents menus</h2>
        <ul>
        <li><a href="{{links.regions}}">By region</a>: a world map, then regions and countries{{#hasTopPlaces}} (most documents: {{#topPlaces}}<a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span>{{^last}}, {{/last}}{{/topPlaces}}){{/hasTopPlaces}}</li>
        <li><a href="{{links.topics}}">By topic</a>{{#hasTopics}}: {{#topics}}<a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span>{{^last}}, {{/last}}{{/topics}}{{/hasTopics}}</li>
        <li><a href="{{links.sources}}">By source</a></li>
        <li><a href="{{links.periods}}">By period</a>{{#hasPeriods}}: {{#periods}}<a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span>{{^last}}, {{/last}}{{/periods}}{{/hasPeriods}}</li>
        <li><a href="{{links.documents}}">All documents</a>, by title or by date</li>
        </ul>
        <h2>Gateway and images</h2>
        <ul>
        <li><a href="{{links.gateway}}">Gateway</a>: the links found in documents, by region and topic</li>
        <li><a href="{{links.images}}">Images</a>: the pictures documents carried, with their documents</li>
        </ul>
        <form class="search" action="{{links.search}}" method="get" role="search">
        <label for="q">Search the archive</label>
        <input type="search" id="q" name="q">
        <button type="submit">Search</button>
        </form>
        <h2>Latest additions</h2>
        {{> entries}}
        <h2>For machines</h2>
        <ul>
        <li><a href="{{links.feed}}">Atom feed of all documents</a> (with archive feeds, RFC 5005)</li>
        <li>OAI-PMH 2.0 at <code>{{oaiURL}}</code> (oai_dc; sets by region, topic and source)</li>
        <li>JSON: add <code>index.json</code> to any menu or document address</li>
        <li><a href="{{links.sitemap}}">sitemap.xml</a></li>
        </ul>
        """

    static let breadcrumbs = """
        <nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>{{#breadcrumbs}}<li>{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}<span aria-current="page">{{name}}</span>{{/href}}</li>{{/breadcrumbs}}</ol></nav>
        """

    static let menu =
        breadcrumbs + """

            <h1>{{heading}}</h1>
            <p>{{countLine}} {{#sortByTitle}}Sorted by title; <a href="{{otherSort}}">sort by date</a>.{{/sortByTitle}}{{^sortByTitle}}Sorted by date; <a href="{{otherSort}}">sort by title</a>.{{/sortByTitle}}</p>
            {{#hasChildren}}<h2>{{childrenHeading}}</h2>
            <ul class="inline">{{#children}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>{{/children}}</ul>
            <h2>Documents</h2>{{/hasChildren}}
            {{> entries}}
            {{#paging}}<nav class="pages" aria-label="Pages">{{#previous}}<a rel="prev" href="{{.}}">Previous page</a>{{/previous}}
            <span>Page {{page}} of {{pages}}</span>{{#next}}<a rel="next" href="{{.}}">Next page</a>{{/next}}</nav>{{/paging}}
            <p class="count"><a href="{{feed}}">Atom feed</a> · <a href="{{json}}">JSON</a>{{#mbox}} · <a href="{{.}}">mbox</a>{{/mbox}}{{#bag}} · <a href="{{.}}">BagIt</a>{{/bag}}</p>
            """

    static let menuIndex =
        breadcrumbs + """

            <h1>{{heading}}</h1>
            {{#intro}}<p>{{.}}</p>{{/intro}}
            {{#map}}<figure class="map">{{{map}}}
            <figcaption><ul class="legend">{{#legend}}<li><span class="{{shade}}"></span>{{label}}</li>{{/legend}}</ul></figcaption>
            </figure>{{/map}}
            {{#groups}}<h2>{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}} <span class="count">{{count}}</span></h2>
            {{#hasItems}}<ul class="inline">{{#items}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>{{/items}}</ul>{{/hasItems}}
            {{/groups}}
            {{^groups}}<p>The archive holds no documents here yet.</p>{{/groups}}
            """

    static let document = """
        <p class="menus-line">Documents menus: {{#menus}}<a href="{{href}}">{{name}}</a>{{^last}} · {{/last}}{{/menus}}</p>
        <article>
        {{#headerBlock}}<pre class="header-block" aria-label="Original header">{{headerBlock}}</pre>{{/headerBlock}}
        <h1>{{headline}}</h1>
        {{#byline}}<p class="byline">{{.}}</p>{{/byline}}
        {{#dateline}}<p class="dateline">{{.}}</p>{{/dateline}}
        <div class="body">
        {{#paragraphs}}<p>{{.}}</p>
        {{/paragraphs}}</div>
        {{#rights}}<p class="notice">{{.}}</p>{{/rights}}
        </article>
        <section aria-labelledby="about"><h2 id="about">About this document</h2>
        <dl class="facts">
        {{#published}}<dt>Published</dt><dd>{{.}}</dd>{{/published}}
        {{#sent}}<dt>Sent</dt><dd>{{.}}</dd>{{/sent}}
        {{#hasPlaces}}<dt>Places</dt><dd>{{#places}}<a href="{{href}}">{{name}}</a>{{^last}}, {{/last}}{{/places}}</dd>{{/hasPlaces}}
        {{#hasMentions}}<dt>Also mentions</dt><dd>{{#mentions}}{{name}}{{^last}}, {{/last}}{{/mentions}}</dd>{{/hasMentions}}
        {{#hasTopics}}<dt>Topics</dt><dd>{{#topics}}<a href="{{href}}">{{name}}</a>{{^last}}, {{/last}}{{/topics}}</dd>{{/hasTopics}}
        {{#hasPeople}}<dt>People</dt><dd>{{#people}}{{name}}{{^last}}, {{/last}}{{/people}}</dd>{{/hasPeople}}
        {{#hasOrganizations}}<dt>Organizations</dt><dd>{{#organizations}}{{name}}{{^last}}, {{/last}}{{/organizations}}</dd>{{/hasOrganizations}}
        {{#period}}<dt>Period</dt><dd>{{.}}</dd>{{/period}}
        {{#language}}<dt>Language</dt><dd>{{.}}</dd>{{/language}}
        {{#hasAttachments}}<dt>Attachments</dt><dd>{{#attachments}}{{name}} ({{type}}, {{size}} bytes){{^last}}; {{/last}}{{/attachments}}</dd>{{/hasAttachments}}
        </dl></section>
        <section aria-labelledby="copies"><h2 id="copies">Copies received</h2>
        <table><thead><tr><th scope="col">Original</th><th scope="col">Origin</th><th scope="col">Received</th></tr></thead><tbody>
        {{#copies}}<tr><td><a href="{{href}}">copy {{id}}</a> ({{size}} bytes)</td><td>{{origin}}</td><td>{{received}}</td></tr>
        {{/copies}}</tbody></table></section>
        {{#hasThread}}<section aria-labelledby="thread"><h2 id="thread">Thread</h2>
        <ol>{{#thread}}<li>{{#current}}<strong>{{title}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{title}}</a>{{/current}} <span class="count">{{citation}}</span></li>{{/thread}}</ol></section>{{/hasThread}}
        {{#hasEntries}}<section aria-labelledby="related"><h2 id="related">Related documents</h2>
        {{> entries}}</section>{{/hasEntries}}
        <section aria-labelledby="cite"><h2 id="cite">Cite this</h2>
        <p>{{citation}}</p>
        <p>Download: <a href="{{csl}}" download>CSL-JSON</a> · <a href="{{bibtex}}" download>BibTeX</a> · <a href="{{ris}}" download>RIS</a> · <a href="{{json}}">JSON</a></p>
        </section>
        """

    static let paging = """
        {{#paging}}<nav class="pages" aria-label="Pages">{{#previous}}<a rel="prev" href="{{.}}">Previous page</a>{{/previous}}
        <span>Page {{page}} of {{pages}}</span>{{#next}}<a rel="next" href="{{.}}">Next page</a>{{/next}}</nav>{{/paging}}
        """

    /// Links with their hosts and the documents giving them; an address is a link only for the schemes
    /// ``AnnalsCore/LinkFinder`` finds, and is always shown as text.
    static let linkList = """
        <ol class="links">
        {{#linkEntries}}<li class="link">{{#href}}<a class="url" href="{{href}}" rel="external nofollow">{{url}}</a>{{/href}}{{^href}}<span class="url">{{url}}</span>{{/href}}
        <div class="citation">{{host}} · given by {{countLine}}</div>
        <ul class="cited-by">{{#documents}}<li><a href="{{href}}">{{title}}</a>{{#date}}, {{.}}{{/date}}</li>{{/documents}}</ul>{{#more}}<p class="count">and {{.}} more</p>{{/more}}</li>
        {{/linkEntries}}</ol>
        """

    static let gatewayIndex =
        breadcrumbs + """

            <h1>Gateway</h1>
            <p>{{intro}}</p>
            <h2>By region</h2>
            {{#regions}}<h3>{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}} <span class="count">{{count}}</span></h3>
            {{#hasItems}}<ul class="inline">{{#items}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>{{/items}}</ul>{{/hasItems}}
            {{/regions}}
            {{^regions}}<p>No document about a country gives a link yet.</p>{{/regions}}
            <h2>By topic</h2>
            {{#hasTopics}}<ul class="inline">{{#topics}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>{{/topics}}</ul>{{/hasTopics}}
            {{^hasTopics}}<p>No document with a topic gives a link yet.</p>{{/hasTopics}}
            <h2>Most cited</h2>
            {{#hasLinks}}{{> linkList}}
            <p><a href="{{all}}">Every link, most cited first</a></p>{{/hasLinks}}
            {{^hasLinks}}<p>No document gives a link yet.</p>{{/hasLinks}}
            """

    static let gateway =
        breadcrumbs + """

            <h1>{{heading}}</h1>
            <p>{{countLine}}</p>
            {{#hasChildren}}<h2>Regions and countries</h2>
            <ul class="inline">{{#children}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>{{/children}}</ul>
            <h2>Links</h2>{{/hasChildren}}
            {{> linkList}}
            """ + paging + """

            <p class="count"><a href="{{menuHref}}">Documents menu</a> · <a href="{{json}}">JSON</a></p>
            """

    static let images =
        breadcrumbs + """

            <h1>Images</h1>
            <p>{{countLine}}</p>
            {{#hasImages}}<table><thead><tr><th scope="col">File</th><th scope="col">Type</th><th scope="col">Size</th><th scope="col">Document</th></tr></thead><tbody>
            {{#images}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{type}}</td><td>{{size}} bytes</td><td><a href="{{documentHref}}">{{title}}</a>{{#date}}, {{.}}{{/date}}</td></tr>
            {{/images}}</tbody></table>{{/hasImages}}
            """ + paging + """

            <p class="count"><a href="{{json}}">JSON</a></p>
            """

    static let error = """
        <div class="error">
        <h1>{{heading}}</h1>
        <p>{{reason}}</p>
        <p><a href="{{links.home}}">Go to the home page</a> or <a href="{{links.search}}">search the archive</a>.</p>
        </div>
        """

    static let search = """
        <h1>Search</h1>
        <form class="search" action="{{links.search}}" method="get" role="search">
        <label for="q">Words, "phrases", OR, -exclusion, prefix*, fields such as place: or topic:</label>
        <input type="search" id="q" name="q" value="{{query}}">
        <button type="submit">Search</button>
        </form>
        {{#message}}<p class="error">{{.}}</p>{{/message}}
        {{#staticSearch}}<noscript><p class="error">This static copy of the archive searches in the browser, which needs JavaScript; the live server (annals serve) searches without it. The menus by region, topic, source and period work either way.</p></noscript>
        <p class="count">This static copy searches words, prefix*, OR, -exclusion, and place:, topic:, source: and date:; a "phrase" finds its words in any order. The live server also keeps phrases in order and takes (groups) and the other fields.</p>
        <div id="static-results" aria-live="polite"></div>
        <script src="index.js"></script>
        <script src="search.js"></script>{{/staticSearch}}
        {{#hasFacets}}<h2>Refine</h2>{{#facets}}<h3>{{name}}</h3><ul class="inline">{{#values}}<li><a href="{{href}}">{{name}}</a> <span class="count">{{count}}</span></li>{{/values}}</ul>{{/facets}}{{/hasFacets}}
        {{#hasEntries}}<h2>{{countLine}}</h2>{{/hasEntries}}
        {{#otherOrder}}<p class="count"><a href="{{href}}">Show {{name}}</a></p>{{/otherOrder}}
        {{> entries}}
        {{#pageLine}}<nav class="pages" aria-label="Result pages">{{#previous}}<a rel="prev" href="{{.}}">Previous</a> {{/previous}}<span>{{.}}</span>{{#next}} <a rel="next" href="{{.}}">Next</a>{{/next}}</nav>{{/pageLine}}
        {{#feed}}<p class="count"><a href="{{.}}">Atom feed of this search</a>{{#exports}} · <a href="{{href}}">{{name}}</a>{{/exports}}</p>{{/feed}}
        """
}
