/// The bundled lessons' texts, compiled into the binary so `backprop learn NAME` works
/// wherever the binary is copied: the fallback when no lessons directory is found.
///
/// SwiftPM embeds every file of `lessons/` (linked into this target as `Bundled`) as
/// `PackageResources.FILE_yaml`, so a lesson's compiled-in text cannot go stale. The table
/// below names them, as the resource names cannot be listed at run time; a test holds it
/// to the files in `lessons/`, and a lesson missing from it fails to compile only if the
/// file is gone.
enum BundledLessonTexts {
    static let all: [(name: String, text: String)] = [
        ("chain-rule", PackageResources.chain_rule_yaml),
        ("partials", PackageResources.partials_yaml),
        ("chains", PackageResources.chains_yaml),
        ("sigmoid-neuron", PackageResources.sigmoid_neuron_yaml),
        ("perceptron", PackageResources.perceptron_yaml),
        ("linear-regression", PackageResources.linear_regression_yaml),
        ("bce-neuron", PackageResources.bce_neuron_yaml),
        ("softmax", PackageResources.softmax_yaml),
        ("xor", PackageResources.xor_yaml),
        ("two-layer-relu", PackageResources.two_layer_relu_yaml),
        ("polynomial-fit", PackageResources.polynomial_fit_yaml),
        ("mistakes", PackageResources.mistakes_yaml),
    ].map { (name: $0.0, text: String(decoding: $0.1, as: UTF8.self)) }

    /// lessons/course.yaml: the order, groups and needs of the lessons above.
    static let course = String(decoding: PackageResources.course_yaml, as: UTF8.self)
}
