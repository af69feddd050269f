/// The site's one stylesheet: readable on a phone, printable, no JavaScript needed anywhere.
public enum Stylesheet {
    /// The CSS text served at `style.css`.
    public static let css = """
        :root { --ink: #1d1d1b; --paper: #fffdf8; --muted: #5a5752; --rule: #d8d2c4; --link: #1a4f8b;
          --visited: #5b3a87; --accent: #8b2d1a; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; background: var(--paper); color: var(--ink); line-height: 1.55;
          font-family: Georgia, "Times New Roman", serif; }
        a { color: var(--link); }
        a:visited { color: var(--visited); }
        a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
        header.site, footer.site { background: #f3eee2; border-bottom: 1px solid var(--rule); padding: .6rem 1rem; }
        footer.site { border-top: 1px solid var(--rule); border-bottom: 0; margin-top: 3rem; font-size: .9rem;
          color: var(--muted); }
        header.site .brand { font-weight: bold; font-size: 1.25rem; text-decoration: none; color: var(--accent); }
        header.site nav ul { list-style: none; margin: .3rem 0 0; padding: 0; display: flex; flex-wrap: wrap;
          gap: .2rem 1rem; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        main.wide { max-width: 72rem; }
        h1 { font-size: 1.7rem; line-height: 1.25; margin: .8rem 0; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); }
        .breadcrumbs { font-size: .9rem; color: var(--muted); }
        .breadcrumbs ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; }
        .breadcrumbs li + li::before { content: "\\25B8"; padding: 0 .4rem; }
        .menus-line { font-size: .95rem; }
        pre.header-block { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; background: #f6f2e8;
          border-left: 3px solid var(--rule); padding: .5rem .75rem; }
        .byline { font-style: italic; }
        .body p { white-space: pre-line; overflow-wrap: anywhere; }
        .notice { font-size: .9rem; border-top: 1px solid var(--rule); padding-top: .5rem; color: var(--muted); }
        ol.entries { list-style: none; padding: 0; }
        ol.entries li { margin: 0 0 1.2rem; }
        .entry .title { font-weight: bold; font-size: 1.05rem; }
        .entry .citation { font-size: .9rem; color: var(--muted); }
        .entry .abstract { margin: .2rem 0 0; }
        ol.links { list-style: none; padding: 0; }
        ol.links li.link { margin: 0 0 1.2rem; }
        .link .url { font-family: "Courier New", monospace; overflow-wrap: anywhere; }
        ul.cited-by { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .95rem; }
        dl.facts { display: grid; grid-template-columns: minmax(7rem, auto) 1fr; gap: .3rem 1rem; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        ul.inline { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
        .count { color: var(--muted); font-size: .9rem; }
        nav.pages { margin: 1.5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule);
          vertical-align: top; overflow-wrap: anywhere; }
        .map svg { width: 100%; height: auto; background: #e8f0f6; border: 1px solid var(--rule); }
        .map path { stroke: #fff; stroke-width: .3; }
        .map a:focus path, .map a:hover path { stroke: var(--accent); stroke-width: 1; }
        .shade-0 { fill: #d9d6cf; } .shade-1 { fill: #f2d9a6; } .shade-2 { fill: #e4a95f; }
        .shade-3 { fill: #c96f32; } .shade-4 { fill: #9b3d1c; } .shade-5 { fill: #5e1f0e; }
        .legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .85rem; padding: 0;
          list-style: none; }
        .legend span { display: inline-block; width: 1rem; height: 1rem; vertical-align: middle;
          margin-right: .3rem; border: 1px solid var(--rule); }
        .legend .shade-0 { background: #d9d6cf; } .legend .shade-1 { background: #f2d9a6; }
        .legend .shade-2 { background: #e4a95f; } .legend .shade-3 { background: #c96f32; }
        .legend .shade-4 { background: #9b3d1c; } .legend .shade-5 { background: #5e1f0e; }
        form.search { display: flex; gap: .5rem; flex-wrap: wrap; }
        form.search input[type=search] { flex: 1 1 16rem; font-size: 1rem; padding: .4rem; }
        form.search button { font-size: 1rem; padding: .4rem .8rem; }
        .error { border-left: 4px solid var(--accent); padding-left: 1rem; }
        @media (max-width: 30rem) { h1 { font-size: 1.4rem; } dl.facts { grid-template-columns: 1fr; } }
        @media print { header.site, footer.site, nav.pages, .skip { display: none; } }

        """
}
