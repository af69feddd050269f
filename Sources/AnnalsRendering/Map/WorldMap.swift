/// The world map of the region menu: each country shaded by its number of documents and linking to its menu.
public enum WorldMap {
    /// One country's outline.
    struct Shape: Sendable {
        var code: String
        var name: String
        var path: String
    }

    static let shapes: [Shape] = worldMapTable.split(separator: "\n").compactMap { line in
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        return Shape(code: String(fields[0]), name: String(fields[1]), path: String(fields[2]))
    }

    /// The country codes the map can draw.
    public static var codes: Set<String> { Set(shapes.map(\.code)) }

    /// The shading class for a number of documents: `shade-0` (none) to `shade-5` (1,000 or more).
    public static func shade(_ count: Int) -> String {
        switch count {
        case ..<1: "shade-0"
        case 1: "shade-1"
        case 2..<10: "shade-2"
        case 10..<100: "shade-3"
        case 100..<1000: "shade-4"
        default: "shade-5"
        }
    }

    /// The legend: each shading class with what it means.
    public static let legend: [(shade: String, label: String)] = [
        ("shade-0", "none"), ("shade-1", "1 document"), ("shade-2", "2–9"), ("shade-3", "10–99"),
        ("shade-4", "100–999"), ("shade-5", "1,000 or more"),
    ]

    /// The map as inline SVG; countries with documents are links to their menus.
    ///
    /// - Parameters:
    ///   - counts: Documents per country (alpha-2).
    ///   - link: The relative link to a country's menu.
    /// - Returns: An `<svg>` element.
    public static func svg(counts: [String: Int], link: (String) -> String) -> String {
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 400" role="img" aria-labelledby="map-title">\
            <title id="map-title">World map of the archive: countries shaded by their number of documents</title>
            """
        for shape in shapes {
            let count = counts[shape.code] ?? 0
            let label = Escaping.html("\(shape.name): \(count) document\(count == 1 ? "" : "s")")
            let path = "<path class=\"\(shade(count))\" d=\"\(shape.path)\"><title>\(label)</title></path>"
            if count > 0 {
                out += "<a href=\"\(Escaping.html(link(shape.code)))\" aria-label=\"\(label)\">\(path)</a>\n"
            } else {
                out += path + "\n"
            }
        }
        return out + "</svg>"
    }
}
