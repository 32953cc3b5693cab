import Testing
import Screen

@Suite struct ScratchTests {
    @Test func show() throws {
        let (b, _) = try drawGraph(names: ["x", "y", "z", "q = x+y", "f = q·z"], edges: [(0, 3), (1, 3), (3, 4), (2, 4)], width: 60, height: 14)
        print(picture(b))
        let (b2, _) = try drawGraph(names: ["x", "y=x*x", "out"], edges: [(0, 1), (0, 1), (1, 2), (0, 2)], width: 60, height: 14,
                                    options: .init(minimumChannelWidth: 3))
        print(picture(b2))
        let (b3, _) = try drawGraph(names: ["w0", "x0", "w1", "x1", "w2", "*", "*", "+", "+", "*-1", "exp", "+1", "1/x"],
            edges: [(0,5),(1,5),(2,6),(3,6),(5,7),(6,7),(7,8),(4,8),(8,9),(9,10),(10,11),(11,12)], width: 120, height: 20, glyphs: .ascii)
        print(picture(b3))
    }
}
