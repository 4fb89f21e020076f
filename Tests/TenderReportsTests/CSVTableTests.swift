import Testing

@testable import TenderReports

/// RFC 4180: a header row, CRLF after every record, fields quoted only when they must be.
@Suite struct CSVTableTests {
    @Test func plainFieldsAreNotQuoted() {
        #expect(CSVTable.field("concrete") == "concrete")
        #expect(CSVTable.field("预拌混凝土") == "预拌混凝土")
        #expect(CSVTable.field("33956448.60") == "33956448.60")
        #expect(CSVTable.field("") == "")
        #expect(CSVTable.field(" spaced ") == " spaced ")
    }

    @Test(arguments: [
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"", "\"\"\"\""),
        ("line 1\nline 2", "\"line 1\nline 2\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("crlf\r\nhere", "\"crlf\r\nhere\""),
        ("中标，逗号", "中标，逗号"),
    ])
    func fieldsThatNeedQuotesAreQuoted(input: String, expected: String) {
        #expect(CSVTable.field(input) == expected)
    }

    /// A quote followed by a combining mark is one Swift Character, but still a quote to a CSV reader.
    @Test func quoteWithCombiningMarkIsDoubled() {
        let field = CSVTable.field("a\"\u{301}b")
        #expect(Array(field.unicodeScalars) == Array("\"a\"\"\u{301}b\"".unicodeScalars))
    }

    @Test func recordsEndWithCRLFAndHeaderComesFirst() {
        var table = CSVTable(header: ["lot", "winner", "note"])
        table.append(["concrete", "S03", "plain"])
        table.append(["mortar", "S01", "two\nlines, and a \"quote\""])
        #expect(
            table.text
                == "lot,winner,note\r\nconcrete,S03,plain\r\nmortar,S01,\"two\nlines, and a \"\"quote\"\"\"\r\n"
        )
    }

    @Test func emptyTableIsTheHeaderAlone() {
        #expect(CSVTable(header: ["a", "b"]).text == "a,b\r\n")
    }

    /// Reading the text back with a minimal RFC 4180 parser gives the fields unchanged.
    @Test func roundTripsThroughAParser() {
        let rows = [["x", "a,b", "\"q\"", "l1\r\nl2", "中文", ""], ["1", "2", "3", "4", "5", "6"]]
        var table = CSVTable(header: ["h1", "h2", "h3", "h4", "h5", "h6"])
        for row in rows { table.append(row) }
        #expect(CSVReader.parse(table.text) == [["h1", "h2", "h3", "h4", "h5", "h6"]] + rows)
    }
}

/// A small RFC 4180 reader for the tests (CRLF record separators, quoted fields).
enum CSVReader {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(String(field))
                field = String.UnicodeScalarView()
            } else if scalar == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                record.append(String(field))
                field = String.UnicodeScalarView()
                records.append(record)
                record = []
            } else {
                field.append(scalar)
            }
        }
        return records
    }
}

/// Formula injection (OWASP): fields a spreadsheet would evaluate are prefixed with a quote; numbers are not.
@Suite struct CSVInjectionTests {
    @Test(arguments: [
        ("=1+2", "'=1+2"),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1", "'+1"),
        ("+86 451 1234", "'+86 451 1234"),
        ("-2+3", "'-2+3"),
        ("-", "'-"),
        ("-x", "'-x"),
        ("-1.", "'-1."),
        ("-.5", "'-.5"),
        ("-1e", "'-1e"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("a=1", "a=1"),
        ("-5", "-5"),
        ("-0.25", "-0.25"),
        ("-33956448.60", "-33956448.60"),
        ("-1/3", "-1/3"),
        ("-9.121570845000011e-05", "-9.121570845000011e-05"),
        ("-3E+2", "-3E+2"),
        ("5", "5"),
    ])
    func formulaLeadingFieldsAreNeutralised(input: String, expected: String) {
        #expect(CSVTable.field(input) == expected)
    }
}
