/// swift-argument-parser reads `-1` after an option as another option, so `--step -1` was
/// "Missing value for '--step'" instead of the option's own range message. Writing such a
/// pair as `--step=-1` hands the number to the option, whose validation names the range.
enum NegativeValues {
    static func attached(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                out += arguments[index...]
                break
            }
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
               looksNegative(arguments[index + 1]) {
                out.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            out.append(argument)
            index += 1
        }
        return out
    }

    /// `-1`, `-0.5`, `-.5`, `-1e3`, `-inf`, `-nan`: a number, not an option.
    static func looksNegative(_ text: String) -> Bool {
        guard text.hasPrefix("-"), text.count > 1 else { return false }
        let rest = text.dropFirst().lowercased()
        if ["inf", "infinity", "nan"].contains(rest) { return true }
        return Double(text) != nil
    }
}
