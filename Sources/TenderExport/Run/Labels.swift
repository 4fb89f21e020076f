import ExactNumbers

/// A label in Chinese and English, e.g. 中标价 / Contract price.
package struct Label: Sendable, Equatable {
    package let zh: String
    package let en: String

    package init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// `中标价 Contract price`.
    package var text: String { zh.isEmpty ? en : en.isEmpty ? zh : "\(zh) \(en)" }
}

/// The bilingual names of the codes a run document carries (methods, sizes, reasons, flags).
///
/// An unknown code is shown as itself, so a newer engine's codes still print.
package enum Labels {
    package static func method(_ code: String) -> Label {
        switch code {
        case "open-tender": return Label("公开招标", "open tender")
        case "competitive-consultation": return Label("竞争性磋商", "competitive consultation")
        case "inquiry": return Label("询价", "inquiry")
        case "reverse-auction": return Label("反向竞价", "reverse auction")
        case "framework-agreement": return Label("框架协议", "framework agreement")
        default: return Label("", code)
        }
    }

    package static func evaluationMethod(_ code: String) -> Label {
        switch code {
        case "lowest-price": return Label("最低评标价法", "lowest evaluated price")
        case "comprehensive": return Label("综合评分法", "comprehensive scoring")
        case "prozorro": return Label("非价格系数法", "ProZorro-style coefficients")
        case "average-bid": return Label("平均值法", "average-bid award")
        default: return Label("", code)
        }
    }

    package static func size(_ code: String) -> Label {
        switch code {
        case "large": return Label("大型", "large")
        case "medium": return Label("中型", "medium")
        case "small": return Label("小型", "small")
        case "micro": return Label("微型", "micro")
        default: return Label("", code)
        }
    }

    package static func buildingType(_ code: String) -> Label {
        switch code {
        case "hospital": return Label("医院", "hospital")
        case "school": return Label("学校", "school")
        case "office": return Label("办公楼", "office")
        case "complex": return Label("综合体", "complex")
        case "exhibition-centre": return Label("会展中心", "exhibition centre")
        case "stadium": return Label("体育场馆", "stadium")
        case "affordable-housing": return Label("保障性住房", "affordable housing")
        default: return Label("", code)
        }
    }

    package static func rejection(_ code: String) -> Label {
        switch code {
        case "no-bond": return Label("未交投标保证金", "no bid bond")
        case "not-signed": return Label("未签署盖章", "not signed")
        case "not-licensed": return Label("资格不符", "not licensed")
        case "debarred": return Label("禁止参加采购", "debarred")
        case "negative-list": return Label("列入负面清单", "negative list")
        case "over-capacity": return Label("供货能力不足", "over capacity")
        case "not-sme": return Label("非中小企业（预留包）", "not an SME (reserved lot)")
        case "no-product": return Label("未提供产品", "no product")
        case "green-clause": return Label("不满足绿色建材要求", "green clause")
        case "above-ceiling": return Label("超过最高限价", "above ceiling")
        case "same-brand": return Label("同品牌", "same brand")
        case "abnormally-low": return Label("报价明显低于其他报价", "abnormally low")
        case "collusion": return Label("串通投标", "collusion")
        default: return Label("", code)
        }
    }

    package static func redFlag(_ code: String) -> Label {
        switch code {
        case "single-valid-bid": return Label("仅一家有效投标", "single valid bid")
        case "lowest-bid-rejected": return Label("最低报价被否决", "lowest bid rejected")
        case "abnormally-low": return Label("异常低价", "abnormally low price")
        case "identical-prices": return Label("报价雷同", "identical prices")
        default: return Label("", code)
        }
    }

    package static func excluded(_ code: String) -> Label {
        switch code {
        case "not-common": return Label("非通用类，由项目自行采购", "not common: bought by the project")
        case "below-decentralised-limit":
            return Label("低于分散采购限额", "below the decentralised purchasing limit")
        default: return Label("", code)
        }
    }

    package static func declaration(_ code: String?) -> Label {
        switch code {
        case nil: return Label("", "")
        case "small-micro": return Label("小微企业声明", "small/micro")
        case "consortium": return Label("联合体/分包", "consortium")
        case let other?: return Label("", other)
        }
    }

    /// An exact rate as a percentage with every digit it has: `10%`, `4%`, `12.5%`.
    package static func percent(_ rate: Exact) -> String { (rate * .hundred).description + "%" }

    package static func star(_ star: Int) -> Label {
        star == 0 ? Label("未认证", "uncertified") : Label("\(star)星", "\(star)★")
    }
}
