import AnnalsRendering
import Hummingbird
import Logging

/// Turns errors into real HTML error pages.
///
/// 404 for absent resources, 400 with the reason for malformed ones, 500 (reason logged, not shown) for
/// failures. Every response also forbids content sniffing.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: SiteRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as SiteError {
            if case .unavailable(let reason) = error { context.logger.error("archive failure: \(reason)") }
            response = page(ErrorPage(status: error.status, reason: error.reason), request)
        } catch let error as any HTTPResponseError {
            let status = error.status.code
            let reason =
                switch status {
                case 404: "There is nothing at this address."
                case 405: "This address does not answer to \(request.method.rawValue)."
                default: "The request could not be served."
                }
            response = page(ErrorPage(status: status, reason: reason), request)
        } catch {
            context.logger.error("unexpected failure: \(String(describing: error))")
            response = page(ErrorPage(status: 500, reason: "The page could not be made."), request)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }

    func page(_ page: ErrorPage, _ request: Request) -> Response {
        let path = request.uri.path
        let folders = path.split(separator: "/").count - (path.hasSuffix("/") ? 0 : 1)
        let html = renderer.error(page, depth: max(0, folders))
        return Responses.make(
            SiteResource(contentType: "text/html; charset=utf-8", text: html),
            status: HTTPResponse.Status(code: page.status))
    }
}

/// Sends page addresses without their trailing slash to the folder form (`/documents/1` → `/documents/1/`),
/// so relative links on the page resolve the same way as on the static site.
struct FolderRedirectMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        if request.method == .get || request.method == .head, !path.hasSuffix("/"),
            let resource = try? SitePath.parse(path), resource.isPage
        {
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return .redirect(to: path + "/" + query, type: .permanent)
        }
        return try await next(request, context)
    }
}

/// Sends no body in answers to `HEAD` (RFC 9110 §9.3.2); the routes answer `HEAD` as they answer `GET`.
struct HeadMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let response = try await next(request, context)
        guard request.method == .head else { return response }
        return Response(status: response.status, headers: response.headers, body: .init())
    }
}
