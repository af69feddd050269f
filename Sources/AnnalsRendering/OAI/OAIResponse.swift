import AnnalsCore
import AnnalsStorage
import Foundation

/// OAI-PMH 2.0 response documents: the envelope, records in `oai_dc`, and errors.
public struct OAIResponse: Sendable {
    /// The site's settings.
    public var configuration: SiteConfiguration
    /// The moment of the response.
    public var responseDate: Date

    /// Creates a writer.
    public init(configuration: SiteConfiguration, responseDate: Date) {
        self.configuration = configuration
        self.responseDate = responseDate
    }

    /// The OAI identifier of a document: `oai:annals.local:1`.
    public func identifier(_ id: Int64) -> String { "oai:\(configuration.repositoryIdentifier):\(id)" }

    /// The document id in an OAI identifier, or `nil` when it is not one of this repository's.
    public func documentID(_ identifier: String) -> Int64? {
        let prefix = "oai:\(configuration.repositoryIdentifier):"
        guard identifier.hasPrefix(prefix), let id = Int64(identifier.dropFirst(prefix.count)), id > 0 else {
            return nil
        }
        return id
    }

    /// The whole response around a body, echoing the request (without attributes after `badVerb` or `badArgument`).
    public func envelope(request: OAIRequest?, body: String) -> String {
        var attributes = ""
        if let request {
            attributes += " verb=\"\(request.verb.rawValue)\""
            for (key, value) in request.arguments.sorted(by: { $0.key < $1.key }) {
                attributes += " \(Escaping.xml(key))=\"\(Escaping.xml(value))\""
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">
            <responseDate>\(DisplayDate.rfc3339(responseDate))</responseDate>
            <request\(attributes)>\(Escaping.xml(configuration.url(.oai)))</request>
            \(body)</OAI-PMH>

            """
    }

    /// An error response.
    public func error(_ error: OAIError, request: OAIRequest?) -> String {
        let echo = error.code == .badVerb || error.code == .badArgument ? nil : request
        return envelope(
            request: echo, body: "<error code=\"\(error.code.rawValue)\">\(Escaping.xml(error.message))</error>\n")
    }

    /// The `Identify` body.
    public func identify(earliest: Date?) -> String {
        """
        <Identify>
        <repositoryName>\(Escaping.xml(configuration.repositoryName))</repositoryName>
        <baseURL>\(Escaping.xml(configuration.url(.oai)))</baseURL>
        <protocolVersion>2.0</protocolVersion>
        <adminEmail>\(Escaping.xml(configuration.adminEmail))</adminEmail>
        <earliestDatestamp>\(DisplayDate.rfc3339(earliest ?? responseDate))</earliestDatestamp>
        <deletedRecord>no</deletedRecord>
        <granularity>YYYY-MM-DDThh:mm:ssZ</granularity>
        <description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier \
        http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">\
        <scheme>oai</scheme><repositoryIdentifier>\(Escaping.xml(configuration.repositoryIdentifier))</repositoryIdentifier>\
        <delimiter>:</delimiter><sampleIdentifier>\(Escaping.xml(identifier(1)))</sampleIdentifier>\
        </oai-identifier></description>
        </Identify>

        """
    }

    /// The `ListMetadataFormats` body: `oai_dc` only.
    public static let metadataFormats = """
        <ListMetadataFormats>
        <metadataFormat><metadataPrefix>oai_dc</metadataPrefix>\
        <schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>\
        <metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat>
        </ListMetadataFormats>

        """

    /// The `ListSets` body.
    public static func sets(_ sets: [(spec: String, name: String)]) -> String {
        "<ListSets>\n"
            + sets.map {
                "<set><setSpec>\(Escaping.xml($0.spec))</setSpec><setName>\(Escaping.xml($0.name))</setName></set>\n"
            }.joined() + "</ListSets>\n"
    }

    /// The sets a document belongs to.
    public static func setSpecs(of d: DocumentRecord) -> [String] {
        d.regions.map { "region:\($0)" } + d.places.map { "place:\($0)" } + d.topics.map { "topic:\(Slug.make($0))" }
            + (d.publication.map { ["source:\(Slug.make($0))"] } ?? [])
    }

    /// A record's header.
    public func header(_ d: DocumentRecord, changed: Date) -> String {
        "<header><identifier>\(Escaping.xml(identifier(d.id)))</identifier>"
            + "<datestamp>\(DisplayDate.rfc3339(changed))</datestamp>"
            + Self.setSpecs(of: d).map { "<setSpec>\(Escaping.xml($0))</setSpec>" }.joined() + "</header>"
    }

    /// A whole record in `oai_dc` (simple Dublin Core).
    public func record(_ d: DocumentRecord, changed: Date) -> String {
        var dc: [(String, String)] = [("title", Citation.title(of: d))]
        let creators = d.authors.isEmpty ? [d.from?.name].compactMap { $0 } : d.authors
        dc += creators.map { ("creator", $0) }
        dc += d.topics.map { ("subject", $0) }
        if let abstract = d.abstract { dc.append(("description", abstract)) }
        if let publication = d.publication { dc.append(("publisher", publication)) }
        if let date = d.published ?? d.sent.map({ String($0.prefix(10)) }) { dc.append(("date", date)) }
        dc.append(("type", "Text"))
        dc.append(("format", "text/html"))
        dc.append(("identifier", configuration.url(.document(d.id, json: false))))
        if let language = d.language { dc.append(("language", language)) }
        dc += d.places.map { ("coverage", Regions.name(for: $0) ?? $0) }
        if let from = d.periodFrom, let to = d.periodTo { dc.append(("coverage", "\(from)/\(to)")) }
        if let rights = d.rights { dc.append(("rights", rights)) }
        let metadata = dc.map { "<dc:\($0.0)>\(Escaping.xml($0.1))</dc:\($0.0)>" }.joined(separator: "\n")
        return """
            <record>\(header(d, changed: changed))<metadata>\
            <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
            \(metadata)
            </oai_dc:dc></metadata></record>

            """
    }

    /// The resumption token element of a list page; empty when the list is complete, absent when it fit one page.
    public static func resumptionToken(next: OAIResumption?, cursor: Int, total: Int, pageSize: Int) -> String {
        if let next {
            return
                "<resumptionToken completeListSize=\"\(total)\" cursor=\"\(cursor)\">\(next.token)</resumptionToken>\n"
        }
        if cursor > 0 {
            return "<resumptionToken completeListSize=\"\(total)\" cursor=\"\(cursor)\"/>\n"
        }
        return ""
    }
}
