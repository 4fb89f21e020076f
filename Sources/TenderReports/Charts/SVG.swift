import ExactNumbers
import Foundation

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
        let (px, py, pw, ph) = (
            ChartNumber.pixel(x), ChartNumber.pixel(y), ChartNumber.pixel(width), ChartNumber.pixel(height)
        )
        rect(px, py, pw, ph, cssClass: cssClass, tooltip: tooltip)
    }

    package mutating func rect(
        x: Double,
        y: Double,
        width: Double,
        height: Double,
        cssClass: String,
        tooltip: String? = nil
    ) {
        let (px, py, pw, ph) = (SVG.pixel(x), SVG.pixel(y), SVG.pixel(max(width, 0)), SVG.pixel(max(height, 0)))
        rect(px, py, pw, ph, cssClass: cssClass, tooltip: tooltip)
    }

    private mutating func rect(_ x: String, _ y: String, _ w: String, _ h: String, cssClass: String, tooltip: String?) {
        let attributes = "x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" class=\"\(HTML.escape(cssClass))\""
        if let tooltip {
            elements.append("<rect \(attributes)><title>\(HTML.escape(tooltip))</title></rect>")
        } else {
            elements.append("<rect \(attributes)/>")
        }
    }

    package mutating func line(x1: Exact, y1: Exact, x2: Exact, y2: Exact, cssClass: String) {
        line(
            ChartNumber.pixel(x1),
            ChartNumber.pixel(y1),
            ChartNumber.pixel(x2),
            ChartNumber.pixel(y2),
            cssClass: cssClass
        )
    }

    package mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) {
        line(SVG.pixel(x1), SVG.pixel(y1), SVG.pixel(x2), SVG.pixel(y2), cssClass: cssClass)
    }

    private mutating func line(_ x1: String, _ y1: String, _ x2: String, _ y2: String, cssClass: String) {
        elements.append(
            "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" class=\"\(HTML.escape(cssClass))\"/>"
        )
    }

    /// A polyline through `points`; a closed, filled band when `closed`.
    package mutating func path(_ points: [(x: Double, y: Double)], closed: Bool = false, cssClass: String) {
        guard let first = points.first else { return }
        var d = "M\(SVG.pixel(first.x)) \(SVG.pixel(first.y))"
        for point in points.dropFirst() { d += " L\(SVG.pixel(point.x)) \(SVG.pixel(point.y))" }
        if closed { d += " Z" }
        elements.append("<path d=\"\(d)\" class=\"\(HTML.escape(cssClass))\"/>")
    }

    package mutating func circle(x: Double, y: Double, radius: Double, cssClass: String, tooltip: String? = nil) {
        let attributes =
            "cx=\"\(SVG.pixel(x))\" cy=\"\(SVG.pixel(y))\" r=\"\(SVG.pixel(radius))\" class=\"\(HTML.escape(cssClass))\""
        if let tooltip {
            elements.append("<circle \(attributes)><title>\(HTML.escape(tooltip))</title></circle>")
        } else {
            elements.append("<circle \(attributes)/>")
        }
    }

    package mutating func text(
        _ text: String,
        x: Exact,
        y: Exact,
        anchor: String,
        cssClass: String,
        tooltip: String? = nil
    ) {
        self.text(
            text,
            ChartNumber.pixel(x),
            ChartNumber.pixel(y),
            anchor: anchor,
            cssClass: cssClass,
            tooltip: tooltip
        )
    }

    package mutating func text(
        _ text: String,
        x: Double,
        y: Double,
        anchor: String,
        cssClass: String,
        tooltip: String? = nil
    ) {
        self.text(text, SVG.pixel(x), SVG.pixel(y), anchor: anchor, cssClass: cssClass, tooltip: tooltip)
    }

    private mutating func text(
        _ text: String,
        _ x: String,
        _ y: String,
        anchor: String,
        cssClass: String,
        tooltip: String?
    ) {
        let title = tooltip.map { $0 == text ? "" : "<title>\(HTML.escape($0))</title>" } ?? ""
        elements.append(
            "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" "
                + "class=\"\(HTML.escape(cssClass))\">\(title)\(HTML.escape(text))</text>"
        )
    }

    /// A floating-point pixel coordinate: one decimal, trailing `.0` dropped; 0 for NaN.
    static func pixel(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        let text =
            tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int64(tenths / 10)) : String(format: "%.1f", tenths / 10)
        return text == "-0" ? "0" : text
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
