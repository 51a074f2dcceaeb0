import Foundation

/// How a packet's chapters are cut into pieces set at the same time (`WeasyPrint.setInPieces`):
/// runs of whole chapters, in order, of about the same size.
enum PacketPieces {
    /// Up to `count` runs of consecutive indexes of `weights` (a chapter's HTML bytes, about its
    /// pages), each ending where the running total comes nearest to its share of the whole;
    /// no run is empty.
    static func runs(_ weights: [Int], count: Int) -> [Range<Int>] {
        let pieces = min(count, weights.count)
        guard pieces >= 2 else { return weights.isEmpty ? [] : [0..<weights.count] }
        let total = Double(weights.reduce(0, +))
        var cuts: [Int] = []
        var sum = 0
        var start = 0
        for piece in 1..<pieces {
            let goal = total * Double(piece) / Double(pieces)
            // The end of this run: at least one chapter, and one left for each run after it.
            var end = start + 1
            sum += weights[start]
            while end < weights.count - (pieces - piece), Double(sum + weights[end]) - goal < goal - Double(sum) {
                sum += weights[end]
                end += 1
            }
            cuts.append(end)
            start = end
        }
        var runs: [Range<Int>] = []
        var from = 0
        for cut in cuts + [weights.count] {
            runs.append(from..<cut)
            from = cut
        }
        return runs
    }
}
