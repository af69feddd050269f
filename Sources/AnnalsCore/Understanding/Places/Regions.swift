import Foundation

/// The UN M49 region hierarchy above every country, for menus by region.
public enum Regions {
    /// The path from World down to a country or region, each step with its code and English name.
    ///
    /// Regions are given by their three-digit M49 code and the country, last, by its ISO 3166
    /// alpha-2 code. An unknown code gives an empty path.
    ///
    /// ```swift
    /// Regions.path(for: "PE").map(\.name)
    /// // ["World", "Americas", "Latin America and the Caribbean", "South America", "Peru"]
    /// ```
    ///
    /// - Parameter code: An ISO 3166 alpha-2 code (current or former, such as `SU`) or an M49 region code.
    /// - Returns: The steps, World first.
    public static func path(for code: String) -> [(code: String, name: String)] {
        let gazetteer = Gazetteer.shared
        if let country = gazetteer.countries[code] {
            let above = gazetteer.regionPath(for: code).compactMap { region in
                gazetteer.regions[region].map { (code: $0.code, name: $0.name) }
            }
            return above + [(code: country.code, name: country.name)]
        }
        var path: [(code: String, name: String)] = []
        var next = code
        while let region = gazetteer.regions[next], !path.contains(where: { $0.code == next }) {
            path.insert((code: region.code, name: region.name), at: 0)
            next = region.parent
        }
        return path
    }

    /// The English name of a country (alpha-2) or M49 region, if known.
    ///
    /// - Parameter code: An ISO 3166 alpha-2 code or an M49 region code.
    /// - Returns: The name, or `nil` for an unknown code.
    public static func name(for code: String) -> String? {
        Gazetteer.shared.countries[code]?.name ?? Gazetteer.shared.regions[code]?.name
    }
}
