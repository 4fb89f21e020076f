/// A name in Chinese and English, e.g. 中标价 / contract price: how every code and metric is shown to users.
public struct Label: Sendable, Equatable, Hashable {
    public let zh: String
    public let en: String

    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// `中标价 contract price`; one language alone when the other is empty.
    public var text: String { zh.isEmpty ? en : en.isEmpty ? zh : "\(zh) \(en)" }
}
