import Foundation
import LiqEmit
import Testing

@Suite struct HeatmapRendererTests {
    @Test func writesTheSamplePictureWhenAsked() throws {
        // LIQPIPE_HEATMAP_SAMPLE=/tmp/heatmap-sample.png swift test --filter HeatmapRendererTests — to look at it.
        guard let path = ProcessInfo.processInfo.environment["LIQPIPE_HEATMAP_SAMPLE"] else { return }
        let image = HeatmapRenderer().render(SampleHeatmap.input)
        try AtomicFile.write(try PNGEncoder.encode(image), to: path)
    }
}
