import AnnalsCore
import AnnalsRendering
import AnnalsStorage
import Foundation
import Hummingbird

/// OAI-PMH 2.0 at `/oai`, by GET and POST.
///
/// All six verbs, `oai_dc`, sets by region, country, topic and source, resumption tokens, and datestamps that
/// are the documents' change times. Errors are answered with HTTP 200, as the protocol requires.
struct OAIController<Store: MenuStore>: Sendable {
    let store: Store
    let configuration: SiteConfiguration
    /// Records or headers per list response.
    var pageSize = 100
    /// How long a POST's body may take to arrive (`nil`: no limit).
    var bodyTimeout: Duration?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/oai") { request, _ in
            respond(FormEncoding.pairs(request.uri.query ?? ""))
        }
        router.post("/oai") { request, _ in
            let body = try await request.collectBody(upTo: 64 * 1024, within: bodyTimeout)
            return respond(FormEncoding.pairs(String(buffer: body)))
        }
    }

    func respond(_ pairs: [(String, String)]) -> Response {
        let writer = OAIResponse(configuration: configuration, responseDate: Date())
        let xml: String
        switch OAIRequest.parse(pairs) {
        case .failure(let error):
            xml = writer.error(error, request: nil)
        case .success(let request):
            do {
                xml = writer.envelope(request: request, body: try body(request, writer))
            } catch let error as OAIError {
                xml = writer.error(error, request: request)
            } catch {
                return Responses.make(
                    SiteResource(contentType: "text/plain; charset=utf-8", text: "The archive could not be read."),
                    status: .internalServerError)
            }
        }
        return Responses.make(SiteResource(contentType: "text/xml; charset=utf-8", text: xml))
    }

    func body(_ request: OAIRequest, _ writer: OAIResponse) throws -> String {
        let arguments = request.arguments
        switch request.verb {
        case .identify:
            return writer.identify(earliest: try store.earliestChange())
        case .listMetadataFormats:
            if let identifier = arguments["identifier"] { _ = try document(identifier, writer) }
            return OAIResponse.metadataFormats
        case .listSets:
            if arguments["resumptionToken"] != nil {
                throw OAIError(.badResumptionToken, "The list of sets is never split; this token is not valid.")
            }
            let sets = try self.sets()
            guard !sets.isEmpty else {
                throw OAIError(.noSetHierarchy, "The archive holds no documents yet, so no sets.")
            }
            return OAIResponse.sets(sets.map { (spec: $0.spec, name: $0.name) })
        case .getRecord:
            try checkFormat(arguments["metadataPrefix"])
            let d = try document(arguments["identifier"] ?? "", writer)
            let changed = try store.changeTime(ofDocument: d.id) ?? Date(timeIntervalSince1970: 0)
            return "<GetRecord>\n" + writer.record(d, changed: changed) + "</GetRecord>\n"
        case .listIdentifiers, .listRecords:
            return try list(request, writer)
        }
    }

    func list(_ request: OAIRequest, _ writer: OAIResponse) throws -> String {
        let state: OAIResumption
        if let token = request.arguments["resumptionToken"] {
            guard let resumed = OAIResumption(token: token) else {
                throw OAIError(.badResumptionToken, "This resumption token is not valid.")
            }
            state = resumed
        } else {
            state = OAIResumption(
                metadataPrefix: request.arguments["metadataPrefix"] ?? "", set: request.arguments["set"],
                from: request.arguments["from"], until: request.arguments["until"], offset: 0)
        }
        try checkFormat(state.metadataPrefix)
        let from = state.from.flatMap { OAIDate.parse($0, end: false) }
        let until = state.until.flatMap { OAIDate.parse($0, end: true) }
        let filter: MenuFilter
        if let set = state.set {
            guard let found = try self.filter(forSet: set) else {
                throw OAIError(.noRecordsMatch, "There is no set \(set).")
            }
            filter = found
        } else {
            filter = .all
        }
        let total = try store.changeCount(filter, from: from, until: until)
        if request.arguments["resumptionToken"] != nil, state.offset >= total {
            throw OAIError(.badResumptionToken, "This resumption token is past the end of the list.")
        }
        guard total > 0 else { throw OAIError(.noRecordsMatch, "No record matches these arguments.") }
        let changes = try store.changes(filter, from: from, until: until, offset: state.offset, limit: pageSize)
        var items = ""
        for change in changes {
            guard let d = try store.document(id: change.id) else { continue }
            items +=
                request.verb == .listRecords
                ? writer.record(d, changed: change.changed) : writer.header(d, changed: change.changed) + "\n"
        }
        let sent = state.offset + changes.count
        var next: OAIResumption?
        if sent < total {
            next = state
            next?.offset = sent
        }
        let token = OAIResponse.resumptionToken(next: next, cursor: state.offset, total: total, pageSize: pageSize)
        let element = request.verb.rawValue
        return "<\(element)>\n\(items)\(token)</\(element)>\n"
    }

    func checkFormat(_ prefix: String?) throws {
        guard prefix == "oai_dc" else {
            throw OAIError(.cannotDisseminateFormat, "Only oai_dc is disseminated, not \(prefix ?? "nothing").")
        }
    }

    func document(_ identifier: String, _ writer: OAIResponse) throws -> DocumentRecord {
        guard let id = writer.documentID(identifier), let d = try store.document(id: id) else {
            throw OAIError(.idDoesNotExist, "There is no item \(identifier) in this repository.")
        }
        return d
    }

    func sets() throws -> [(spec: String, name: String, filter: MenuFilter)] {
        var sets: [(spec: String, name: String, filter: MenuFilter)] = []
        for region in try store.counts(of: .region, in: .all) {
            sets.append(
                (
                    "region:\(region.value)", "Region: \(Regions.name(for: region.value) ?? region.value)",
                    .region(region.value)
                ))
        }
        for place in try store.counts(of: .place, in: .all) {
            sets.append(
                (
                    "place:\(place.value)", "Country: \(Regions.name(for: place.value) ?? place.value)",
                    .place(place.value)
                ))
        }
        for topic in try store.counts(of: .topic, in: .all) {
            sets.append(("topic:\(Slug.make(topic.value))", "Topic: \(topic.value)", .topic(topic.value)))
        }
        for source in try store.counts(of: .source, in: .all) {
            sets.append(("source:\(Slug.make(source.value))", "Source: \(source.value)", .source(source.value)))
        }
        return sets
    }

    func filter(forSet spec: String) throws -> MenuFilter? {
        try sets().first { $0.spec == spec }?.filter
    }
}

/// `application/x-www-form-urlencoded` pairs, in order, repeats kept (OAI-PMH must reject repeated arguments).
enum FormEncoding {
    static func pairs(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : "")
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
