import ExactNumbers
import TenderModel

/// The labels of what is not a code: percentages, certificate stars and an absent declaration. The codes a
/// run document carries (methods, sizes, reasons, flags) are labelled by their own types (``Code``).
package enum Labels {
    /// An SME declaration's label, empty when the bid declares nothing.
    package static func declaration(_ code: Coded<SMEDeclaration.Kind>?) -> Label { code?.label ?? Label("", "") }

    /// An exact rate as a percentage with every digit it has: `10%`, `4%`, `12.5%`.
    package static func percent(_ rate: Exact) -> String { (rate * .hundred).description + "%" }

    package static func star(_ star: Int) -> Label {
        star == 0 ? Label("未认证", "uncertified") : Label("\(star)星", "\(star)★")
    }
}
