//! FNV-1a, 64 bit: names the results text file in `build.rs` and checks it in `texts::install`
//! (one definition, shared through `#[path]`, so the two can never disagree).

pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
