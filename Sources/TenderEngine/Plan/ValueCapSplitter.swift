import ExactNumbers
import TenderModel

/// The value cap: a pool whose ceiling exceeds the cap becomes k = ⌈ceiling / cap⌉ lots.
///
/// Whole demand lines are dealt out greedily, never split: largest ceiling amount first (equal amounts in
/// scenario order), each onto the piece with the smallest ceiling so far (equal pieces: the lowest number).
/// k is at most the number of lines, so no piece is empty. A piece may still exceed the cap when lines are
/// lumpy (the greedy bound is ceiling / k + the largest line). Each piece lists its lines in scenario order.
enum ValueCapSplitter {
    /// The number of pieces for `ceiling` under `cap` (> 0), capped by `lineCount`.
    static func pieceCount(ceiling: Exact, cap: Exact, lineCount: Int) -> Int {
        guard cap > .zero, ceiling > cap, lineCount > 1 else { return 1 }
        guard let quotient = try? ceiling / cap else { return 1 }
        let whole = quotient.rounded(places: 0, mode: .ceiling)
        // Whole numbers print as plain digits; one too large for Int means "more pieces than lines".
        let k = Int(whole.description) ?? Int.max
        return min(max(k, 1), lineCount)
    }

    /// The lines of each piece (piece 1 first) and each piece's ceiling.
    ///
    /// - Complexity: O(n log n) for n lines (a sort, then a binary heap of k pieces).
    static func split(_ lines: [DemandLine], into k: Int) -> [(lines: [DemandLine], ceiling: Exact)] {
        guard k > 1 else { return [(lines, lines.map(\.ceilingAmount).sum())] }
        let amounts = lines.map(\.ceilingAmount)
        let order = lines.indices.sorted { a, b in
            amounts[a] != amounts[b] ? amounts[a] > amounts[b] : a < b
        }
        var heap = PieceHeap(count: k)
        var owner = [Int](repeating: 0, count: lines.count)
        for i in order {
            owner[i] = heap.addToSmallest(amounts[i])
        }
        var pieces = [[DemandLine]](repeating: [], count: k)
        for (i, line) in lines.enumerated() { pieces[owner[i]].append(line) }
        return pieces.enumerated().map { piece, lines in (lines, heap.load(of: piece)) }
    }
}

/// A binary min-heap of pieces by (ceiling so far, piece number).
private struct PieceHeap {
    private var loads: [Exact]
    /// Piece numbers in heap order.
    private var heap: [Int]

    init(count: Int) {
        loads = [Exact](repeating: .zero, count: count)
        heap = Array(0..<count)
    }

    func load(of piece: Int) -> Exact { loads[piece] }

    /// Adds `amount` to the smallest piece and returns that piece's number.
    mutating func addToSmallest(_ amount: Exact) -> Int {
        let piece = heap[0]
        loads[piece] += amount
        siftDown(from: 0)
        return piece
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        loads[a] != loads[b] ? loads[a] < loads[b] : a < b
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
