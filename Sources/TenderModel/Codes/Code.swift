/// A closed set of codes the engine writes into results (a rejection reason, a red flag, a method …): each
/// case has a stable text code (its raw value) and a bilingual label given by an exhaustive switch, so a
/// case added later cannot go unlabelled.
public protocol Code: RawRepresentable, CaseIterable, Sendable, Hashable, CustomStringConvertible
where RawValue == String {
    /// The name users read, in Chinese and English.
    var label: Label { get }
}

extension Code {
    /// The code's text, so that a code interpolated into a message reads as documents write it.
    public var description: String { rawValue }

    /// Codes in the order of their text, as sorted JSON keys are.
    public static func byCode(_ a: Self, _ b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A code as a result document holds it: one of the codes this version knows, or the text of a code written
/// by another version, kept as it is so that the document still reads (and prints the code itself).
public enum Coded<C: Code>: Sendable, Hashable {
    case known(C)
    case unknown(String)

    public init(_ code: C) { self = .known(code) }

    /// The code whose text is `code`, or `.unknown(code)`.
    public init(code: String) { self = C(rawValue: code).map(Coded.known) ?? .unknown(code) }

    /// The text of the code, as documents write it.
    public var code: String {
        switch self {
        case .known(let c): return c.rawValue
        case .unknown(let text): return text
        }
    }

    /// The code's label; an unknown code is shown as its own text.
    public var label: Label {
        switch self {
        case .known(let c): return c.label
        case .unknown(let text): return Label("", text)
        }
    }

    /// The known code, nil for a code of another version.
    public var known: C? {
        if case .known(let c) = self { return c }
        return nil
    }
}

extension Coded: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(code: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// Codes key JSON objects by their text (`{"green-clause": 2}`), not as arrays of pairs.
extension Coded: CodingKeyRepresentable {
    public var codingKey: any CodingKey { CodeKey(stringValue: code) }

    public init?<T: CodingKey>(codingKey: T) { self.init(code: codingKey.stringValue) }
}

private struct CodeKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Coded: Comparable {
    /// By code text, as sorted JSON keys are.
    public static func < (a: Coded, b: Coded) -> Bool { a.code < b.code }
}

extension Coded: CustomStringConvertible {
    public var description: String { code }
}
