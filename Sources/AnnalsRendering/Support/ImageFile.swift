import Foundation

/// How image attachments are named, typed and shown on the site.
///
/// Only raster formats a browser cannot run code from are served under their own media type; anything else an
/// attachment claims to be (`image/svg+xml`, which may hold script, or an unknown `image/x-…`) is served as
/// `application/octet-stream` with the extension `bin`, so no web server or browser treats it as a page.
public enum ImageFile {
    /// Raster media types with the extension each is written with.
    static let extensions: [String: String] = [
        "image/gif": "gif", "image/jpeg": "jpg", "image/pjpeg": "jpg", "image/jpg": "jpg", "image/png": "png",
        "image/x-png": "png", "image/bmp": "bmp", "image/x-ms-bmp": "bmp", "image/x-bmp": "bmp",
        "image/tiff": "tif", "image/x-icon": "ico", "image/vnd.microsoft.icon": "ico", "image/webp": "webp",
        "image/x-pcx": "pcx", "image/x-xbitmap": "xbm", "image/x-portable-pixmap": "ppm",
    ]

    /// Whether a media type is an image (`image/*`), whatever its subtype.
    public static func isImage(_ contentType: String) -> Bool {
        contentType.lowercased().hasPrefix("image/")
    }

    /// The file extension an attachment of this media type is served with: `gif`, `jpg`, … or `bin`.
    public static func fileExtension(for contentType: String) -> String {
        extensions[contentType.lowercased()] ?? "bin"
    }

    /// The media type an attachment is served with: its own for known raster types, else
    /// `application/octet-stream`.
    public static func servedType(for contentType: String) -> String {
        let type = contentType.lowercased()
        return extensions[type] == nil ? "application/octet-stream" : type
    }

    /// A file name as shown: control characters (NUL among them) dropped, `unnamed` when nothing is left.
    ///
    /// Intake already keeps only the last path component of names (RFC 2183 §2.3); this guards what is shown
    /// whatever the stored name. HTML escaping is the template's work.
    public static func displayName(_ filename: String?) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in (filename ?? "").unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            scalars.append(scalar)
        }
        let name = String(scalars).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "unnamed" : name
    }
}
