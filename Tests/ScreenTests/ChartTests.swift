import Testing
import Screen

private let loss: [Double] = [4, 3, 2, 1.5, 1.2, 1.0, 0.9, 0.85]

@Suite struct ChartTests {
    @Test func lossCurveInBraille() {
        let chart = LineChart(series: [ChartSeries(loss, style: Style(foreground: .red))], xTitle: "epoch")
        let b = rendered(chart, width: 24, height: 7)
        #expect(picture(b) == """
               4│⠑⢄
                │ ⠈⠢⡀
                │   ⠈⠢⡀
                │     ⠈⠒⠤⣀
            0.85│         ⠉⠒⠒⠤⠤⢄⣀⣀⣀⣀
                └───────────────────
                 0      epoch      7
            """)
        #expect(b[5, 0].style.foreground == .red)
    }

    /// Where the title does not fit between the axis labels, the first shorter one that
    /// does: the key to a dotted series stays when its "epoch" goes.
    @Test func aShorterXTitleWhereTheWholeDoesNotFit() {
        let chart = LineChart(series: [ChartSeries(loss)], xTitle: "epoch (dotted: zeroed)", shorterXTitles: ["dotted: zeroed"])
        let bottom = { (width: Int) in picture(rendered(chart, width: width, height: 7)).split(separator: "\n").last.map(String.init) ?? "" }
        #expect(bottom(40).contains("epoch (dotted: zeroed)"))
        #expect(bottom(24).contains("dotted: zeroed") && !bottom(24).contains("epoch"))
        #expect(!bottom(16).contains("dotted"))
        // A blank either side, whatever the last index's width: 200 epochs in a plot just
        // wide enough for the title between "0 " and " 200".
        let long = LineChart(series: [ChartSeries((0...200).map { Double($0) })], xTitle: "epoch (dotted: zeroed)",
                             shorterXTitles: ["dotted: zeroed"])
        for width in 20...40 {
            let row = picture(rendered(long, width: width, height: 7)).split(separator: "\n").last.map(String.init) ?? ""
            #expect(row.hasSuffix(" 200") && !row.contains(")200") && !row.contains("d200"), "\(width): \(row)")
            #expect(width < 24 || row.contains("dotted: zeroed"), "\(width): \(row)")
        }
    }

    @Test func lossCurveInASCII() {
        let chart = LineChart(series: [ChartSeries(loss)], xTitle: "epoch", glyphs: .ascii)
        #expect(picture(rendered(chart, width: 24, height: 7)) == """
               4|'-.
                |  ':
                |    :.
                |     '--.
            0.85|         '''--.....
                +-------------------
                 0      epoch      7
            """)
    }

    @Test func gapsAtNonFiniteValuesAndAFixedRange() {
        let chart = LineChart(series: [ChartSeries([1, .nan, 1, .infinity])], yRange: 0...2, glyphs: .ascii)
        #expect(picture(rendered(chart, width: 10, height: 5)) == """
            2|
             |-    -
            0|
             +--------
              0      3
            """)
        #expect(LineChart.label(0.000123) == "0.000123" && LineChart.label(-1234.5) == "-1.23e+03")
    }

    @Test func tooSmallDrawsNothing() {
        let b = rendered(LineChart(series: [ChartSeries(loss)]), width: 5, height: 2)
        #expect(b == Buffer(width: 5, height: 2))
    }

    @Test func heatMapShadesRegionsAndMarksPoints() {
        let values = HeatMap.sample(columns: 12, rows: 6, xRange: 0...1, yRange: 0...1) { x, y in x + y > 1 ? 1 : 0 }
        let blue = Style(foreground: .blue), red = Style(foreground: .red)
        let map = HeatMap(values: values, columns: 12, rows: 6, xRange: 0...1, yRange: 0...1,
                          lowStyle: blue, highStyle: red,
                          points: [MarkedPoint(x: 0.05, y: 0.05, glyph: "o"), MarkedPoint(x: 0.95, y: 0.95, glyph: "x"),
                                   MarkedPoint(x: 3, y: 0, glyph: "!")])
        let b = rendered(map, width: 12, height: 6)
        #expect(picture(b) == """
             ██████████x
               █████████
                 ███████
                   █████
                     ███
            o          █
            """)
        #expect(b[0, 0].style == blue && b[5, 0].style == red)
        // The same grid stretched over a larger area, in ASCII shades.
        var ascii = map
        ascii.glyphs = .ascii
        ascii.points = []
        #expect(picture(rendered(ascii, width: 6, height: 3)) == """
             #####
               ###
                 #
            """)
    }
}
