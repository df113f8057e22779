#if canImport(Glibc)
    import Glibc
#endif

/// Asks Linux to back a large array's reserved storage with 2 MiB pages before it is filled.
///
/// A year of MINUTE bars is about 120 MB of `PriceTable.Row`s. On 4 KiB pages, filling it takes some 30,000 page
/// faults, each zeroing a page in the kernel: a fifth of a long read's CPU time. Transparent huge pages take 512 times
/// fewer. Most Linux systems give them only to memory that asks (`madvise` in
/// `/sys/kernel/mm/transparent_hugepage/enabled`); this asks for the whole 2 MiB pages inside the array's capacity.
/// It is a hint: where the kernel has no huge page at hand, or on other systems, nothing changes.
enum HugePages {
    /// Storage below this size is left alone.
    static let minimumBytes = 8 << 20

    /// An empty array with room for `capacity` elements, its storage advised (``advise(_:)``) before anything is
    /// written into it.
    static func reserved<Element>(_ capacity: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(capacity)
        advise(&array)
        return array
    }

    /// Advises huge pages for `array`'s reserved capacity; call before writing into it.
    static func advise<Element>(_ array: inout [Element]) {
        #if os(Linux)
            let bytes = array.capacity * MemoryLayout<Element>.stride
            guard bytes >= minimumBytes else { return }
            // Only the address is taken out of the closure, for the hint; nothing is read or written through it.
            let base = array.withUnsafeMutableBufferPointer { UInt(bitPattern: $0.baseAddress) }
            let huge: UInt = 2 << 20
            let start = (base &+ huge &- 1) & ~(huge &- 1)
            let end = (base &+ UInt(bytes)) & ~(huge &- 1)
            guard base != 0, end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(pointer, Int(end - start), MADV_HUGEPAGE)
        #endif
    }
}
