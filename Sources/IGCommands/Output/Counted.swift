/// `count` and `noun`, the noun in the plural unless the count is one: `1 bar`, `0 bars`, `121 bars`; with
/// `grouped`, thousands separated by commas (`1,204 ticks`).
func counted(_ count: Int, _ noun: String, plural: String? = nil, grouped: Bool = false) -> String {
    (grouped ? groupedDigits(count) : "\(count)") + " " + (count == 1 ? noun : plural ?? noun + "s")
}

/// `count` with its thousands separated by commas, whatever the locale: `1,204`, `-12,000`.
func groupedDigits(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return (count < 0 ? "-" : "") + result
}
