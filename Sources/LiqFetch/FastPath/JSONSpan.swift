/// One JSON value as the fast path sees it: its kind and where its text sits in the document, nothing decoded.
///
/// For a string the range is the content between the quotes (which then holds no escape: the cursor falls back on
/// one); for a number it is the number's text. Objects, arrays and booleans are `other`, since no fast-path field
/// accepts them.
struct JSONSpan {
    enum Kind {
        case string
        case number
        case null
        case other
    }

    var kind: Kind
    var range: Range<Int>
    /// True when every byte is ASCII; non-ASCII text has been validated as UTF-8 already.
    var isASCII: Bool
}
