import IGMarketData
import IGModels

extension EpicSpellings {
    /// `typed`, or the spelling filed in `environment` when that differs in letter case only, which is said on
    /// standard error (the library maps the epic too: this is the note for people).
    func noting(_ typed: Epic, environment: String) -> Epic {
        guard let held = spelling(of: typed, in: environment), held != typed else { return typed }
        Console.note(
            "Using \(held.rawValue) for \(typed.rawValue): the store holds its bars under that spelling (an epic in "
                + "another letter case is the same market).")
        return held
    }
}
