import Testing
@testable import Lessons

/// The course file: groups in order, each lesson once, needs only earlier lessons; every
/// mistake an error at its line and column.
@Suite struct CourseTests {
    let lessons = ["a", "b", "c"]

    func load(_ text: String) -> (Course?, [String]) {
        let (course, diagnostics) = Course.load(text: text, file: "course.yaml", lessons: lessons)
        return (course, diagnostics.map(\.description))
    }

    @Test func groupsLessonsAndNeeds() throws {
        let (course, diagnostics) = load("""
            course:
              - group: First
                lessons:
                  - name: a
                  - name: b
                    needs: [a]
              - group: Then
                lessons:
                  - name: c
                    needs: [a, b]
            """)
        #expect(diagnostics.isEmpty)
        let loaded = try #require(course)
        #expect(loaded.names == ["a", "b", "c"])
        #expect(loaded.groups.map(\.title) == ["First", "Then"])
        #expect(loaded.entry("c")?.group == "Then" && loaded.entry("c")?.entry.needs == ["a", "b"])
        #expect(loaded.entry("z") == nil)
    }

    @Test func mistakesAreErrorsWhereTheyAre() {
        let (course, diagnostics) = load("""
            course:
              - group: First
                lessons:
                  - name: a
                    needs: [c]
                  - name: zz
                  - name: a
                  - nme: b
              - group: Empty
                lessons: []
                colour: red
            """)
        #expect(course == nil)
        #expect(diagnostics == [
            "course.yaml:5:17: error: 'a' needs 'c', which must come earlier in the course",
            "course.yaml:6:15: error: no lesson 'zz'; the lessons are: a, b, c",
            "course.yaml:7:15: error: 'a' is in the course twice",
            "course.yaml:8:9: error: a course lesson is missing the required field 'name'",
            "course.yaml:8:9: error: unknown field 'nme' in a course lesson; expected one of: name",
            "course.yaml:10:14: error: 'lessons' must list at least one lesson",
            "course.yaml:11:5: error: unknown field 'colour' in group 2; expected one of: group, lessons",
        ])
    }

    @Test func aLessonLeftOutOrNoCourseAtAll() {
        #expect(load("course:\n  - group: G\n    lessons:\n      - name: a\n").1
            == ["course.yaml:1:1: error: the course leaves out b, c; add each to a group"])
        #expect(load("lessons: []\n").1 == [
            "course.yaml:1:1: error: the course is missing the required field 'course'",
            "course.yaml:1:1: error: unknown field 'lessons' in the course; expected one of: course",
        ])
        #expect(load("").1 == ["course.yaml:1:1: error: the course file is empty; it needs 'course:', a list of groups"])
        #expect(load("course: [").0 == nil)
    }

    /// The bundled course lists every bundled lesson, and `check` reads it as a course.
    @Test func theBundledCourse() throws {
        let course = try #require(LessonLibrary.course)
        #expect(Set(course.names) == Set(BundledLessonTexts.all.map(\.name)))
        let result = GraphSource.check(path: lessonsDirectory.appendingPathComponent(Course.fileName).path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.summary?.hasSuffix("ok: course of \(course.names.count) lessons in \(course.groups.count) groups") == true)
        // `course` is no lesson's name.
        #expect(LessonLibrary.standard().load("course").lesson == nil)
    }
}
