import Autograd
import Screen
import Testing
@testable import Tutor

/// In the flow diagram the Step pane says each step as the slide would: a weight on an
/// edge, arrows coming together at ξ, the activation h; the circuit view says nothing extra.
@Suite struct FlowWordsTests {
    func xor(at step: Int) throws -> TutorState {
        let state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), theme: .monochrome(), size: Size(width: 100, height: 30))
        return update(state, .jump(to: step))
    }

    func words(_ state: TutorState) -> String? {
        state.stepper.lastRecord.flatMap { FlowWords(state: state).sentence(for: $0) }
    }

    @Test func theStepsOfTheFirstNeuron() throws {
        // Step 1 loads row 1; then −x1, −x2, ξ1, h1.
        #expect(try words(xor(at: 2)) == "In the diagram: the edge x1 → ξ1 (weight −1) multiplies x1 by its weight.")
        #expect(try words(xor(at: 4)) == "In the diagram: the arrows into ξ1 come together, so their values are added: ξ1 is the excitation.")
        #expect(try words(xor(at: 5)) == "In the diagram: the neuron's activation h1, from its excitation ξ1.")
        let circuit = update(try xor(at: 2), .toggleGraphView)
        #expect(words(circuit) == nil)
    }

    @Test func aWeightsGradientIsOnItsEdge() throws {
        var state = try TutorState(subject: .lesson(LessonFixtures.lesson("xor")), part: 1, theme: .monochrome(),
                                   size: Size(width: 100, height: 30))
        let b1 = try #require(state.stepper.graph.id(named: "b1"))
        while state.stepper.lastStep != .backward(b1) { state.apply(.next) }
        #expect(words(state) == "In the diagram: b1's gradient is written on the edge 1 → ξ1 (weight b1).")
    }
}
