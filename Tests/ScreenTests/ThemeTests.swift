import Screen
import Testing

/// The themes a user can choose, and what each must keep apart.
@Suite struct ThemeTests {
    /// The roles that carry a meaning a reader must tell apart on the screen.
    static let meanings: [Role] = [.value, .gradient, .active, .done, .pending, .activeEdge, .error, .marker]

    /// Colour-blind: values blue, gradients orange, no red or green anywhere, and no two
    /// meanings drawn alike; the step's marks are those of every theme.
    @Test func colourBlindKeepsEveryMeaningApart() {
        let theme = Theme.colourBlind()
        #expect(theme(.value).foreground == .blue)
        #expect(theme(.gradient).foreground == .orange)
        for role in Role.allCases {
            #expect(![Color.red, .green].contains(theme(role).foreground), "\(role)")
            #expect(![Color.red, .green].contains(theme(role).background), "\(role)")
        }
        for (i, a) in Self.meanings.enumerated() {
            for b in Self.meanings.dropFirst(i + 1) {
                #expect(theme(a) != theme(b), "\(a) and \(b) look the same")
            }
        }
        // No colour of a meaning is one that only red–green vision tells from another.
        let colours = Self.meanings.map { theme($0).foreground }.filter { $0 != .default }
        #expect(Set(colours) == [.blue, .orange])
        #expect(theme.glyphs == Theme.colored().glyphs)
    }

    @Test func namedThemes() {
        #expect(Theme.named(.colourBlind, color: true, unicode: true) == .colourBlind())
        #expect(Theme.named(.default, color: true, unicode: false) == .colored(glyphs: .ascii))
        // Without colour every theme is the monochrome one.
        for name in ThemeName.allCases {
            #expect(Theme.named(name, color: false, unicode: true) == .monochrome())
        }
        #expect(ThemeName(spelling: "color-blind") == .colourBlind)
        #expect(ThemeName(spelling: "colour-blind") == .colourBlind)
        #expect(ThemeName(spelling: "purple") == nil)
    }
}

/// A dotted series stays apart from a solid one without colour: it lights every other
/// column pair of dots.
@Suite struct DottedSeriesTests {
    @Test func dottedLightsHalfTheColumns() {
        let flat = [Double](repeating: 1, count: 40)
        func chart(_ series: [ChartSeries]) -> Buffer {
            var buffer = Buffer(size: Size(width: 30, height: 6))
            LineChart(series: series, yRange: 0...2, glyphs: .ascii).render(in: buffer.area, buffer: &buffer)
            return buffer
        }
        // The cells the line lights: those that differ from the chart without it.
        let axes = chart([ChartSeries([.nan])])
        func lit(_ dotted: Bool) -> Int {
            let drawn = chart([ChartSeries(flat, dotted: dotted)])
            return (0..<6).map { y in (0..<30).filter { x in drawn[x, y] != axes[x, y] }.count }.reduce(0, +)
        }
        let solid = lit(false), dotted = lit(true)
        #expect(solid > 20 && dotted > 0 && dotted < solid * 2 / 3)
    }
}
