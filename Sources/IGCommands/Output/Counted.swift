/// `count` and `noun`, the noun in the plural unless the count is one: `1 bar`, `0 bars`, `121 bars`.
func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
}
