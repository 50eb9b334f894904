extension HTTPResponse {
    /// The start of the body with non-printable bytes blanked: enough to show a venue's error text in one log line
    /// (`{"code":"50013","msg":"Systems are busy"}`) without dumping a page of HTML or binary.
    public func bodyExcerpt(maxBytes: Int = 200) -> String {
        String(body.prefix(maxBytes).map { (0x20..<0x7F).contains($0) ? Character(Unicode.Scalar($0)) : " " })
    }
}
