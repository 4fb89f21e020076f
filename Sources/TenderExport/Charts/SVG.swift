import ExactNumbers
import TenderReports

/// An inline SVG drawing: elements in a `viewBox`, styled by the page's CSS classes, so it scales with the
/// page and prints sharp. Text is escaped; nothing is fetched.
package struct SVG: Sendable {
    let width: Int
    let height: Int
    let title: String
    private var elements: [String] = []

    package init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    package mutating func rect(
        x: Exact,
        y: Exact,
        width: Exact,
        height: Exact,
        cssClass: String,
        tooltip: String? = nil
    ) {
        let attributes =
            "x=\"\(ChartNumber.pixel(x))\" y=\"\(ChartNumber.pixel(y))\" width=\"\(ChartNumber.pixel(width))\" "
            + "height=\"\(ChartNumber.pixel(height))\" class=\"\(HTML.escape(cssClass))\""
        if let tooltip {
            elements.append("<rect \(attributes)><title>\(HTML.escape(tooltip))</title></rect>")
        } else {
            elements.append("<rect \(attributes)/>")
        }
    }

    package mutating func line(x1: Exact, y1: Exact, x2: Exact, y2: Exact, cssClass: String) {
        elements.append(
            "<line x1=\"\(ChartNumber.pixel(x1))\" y1=\"\(ChartNumber.pixel(y1))\" x2=\"\(ChartNumber.pixel(x2))\" "
                + "y2=\"\(ChartNumber.pixel(y2))\" class=\"\(HTML.escape(cssClass))\"/>"
        )
    }

    package mutating func text(
        _ text: String,
        x: Exact,
        y: Exact,
        anchor: String,
        cssClass: String,
        tooltip: String? = nil
    ) {
        let title = tooltip.map { $0 == text ? "" : "<title>\(HTML.escape($0))</title>" } ?? ""
        elements.append(
            "<text x=\"\(ChartNumber.pixel(x))\" y=\"\(ChartNumber.pixel(y))\" text-anchor=\"\(anchor)\" "
                + "class=\"\(HTML.escape(cssClass))\">\(title)\(HTML.escape(text))</text>"
        )
    }

    /// Colour swatches and names in one row from `x`.
    package mutating func legend(_ series: [ChartSeries], y: Int, x: Int) {
        var position = x
        for item in series {
            rect(x: Exact(position), y: Exact(y + 2), width: 10, height: 10, cssClass: item.cssClass)
            text(item.label.text, x: Exact(position + 14), y: Exact(y + 11), anchor: "start", cssClass: "legend")
            position += 14 + SVG.estimatedWidth(item.label.text, fontSize: 11) + 14
        }
    }

    /// The `<svg>` element, with a `<title>` for screen readers.
    package func rendered() -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" preserveAspectRatio=\"xMinYMin meet\">"
            + "<title>\(HTML.escape(title))</title>" + elements.joined() + "</svg>"
    }

    /// An estimate of the rendered width in pixels: a wide (CJK) character about one em, others about 0.6 em.
    package static func estimatedWidth(_ text: String, fontSize: Int) -> Int {
        let columns = TextLayout.width(text)
        return (columns * fontSize * 6 + 9) / 10
    }

    /// The widest of `texts`, clamped to `minimum...maximum`.
    static func textWidth(_ texts: [String], fontSize: Int, minimum: Int, maximum: Int) -> Int {
        let widest = texts.map { estimatedWidth($0, fontSize: fontSize) }.max() ?? 0
        return min(max(widest, minimum), maximum)
    }

    /// `text` cut with `…` to fit about `width` pixels.
    static func truncate(_ text: String, width: Int, fontSize: Int) -> String {
        TextLayout.truncate(text, width * 10 / (fontSize * 6))
    }
}
