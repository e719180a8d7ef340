//! xorshift64*, a small deterministic generator: generated test cases are the same on every
//! machine and every run, so a failure reproduces. One definition for the golden outputs
//! (`tests/rust/golden.rs`, through `#[path]`) and the widget's random action sequences (the tests of
//! `src/ui/state.rs`).

pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
