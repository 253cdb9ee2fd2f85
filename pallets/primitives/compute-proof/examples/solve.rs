//! Times the CPU reference solver, and the runtime's check of one sample in native code.
//!
//! ```sh
//! cargo run --release -p ember-compute-proof --example solve -- \
//!     --n 256 --k 4096 --batch 4 --threads 2
//! ```
//!
//! `--check-only` skips solving and times `check_sample` on openings made up to pass (a path
//! to a root built from it), so that shapes far too big to solve on a CPU can be timed too.

use ember_compute_proof::{
	check_sample, element, leaf_hash, position, root_from_path, samples, solver, verify_leaf, Hash,
	Keys, Sample, Shape, LEAF_ELEMENTS,
};
use std::time::Instant;

const USAGE: &str =
	"usage: solve [--n N] [--k K] [--batch BATCH] [--threads THREADS] [--check-only]";

/// The number after `name`, or `default` when `name` is absent.
fn number(args: &[String], name: &str, default: u32) -> u32 {
	match args.iter().position(|arg| arg == name) {
		None => default,
		Some(at) => match args.get(at + 1).map(|value| value.parse()) {
			Some(Ok(value)) => value,
			_ => fail(&format!("{name} takes a number")),
		},
	}
}

fn fail(message: &str) -> ! {
	eprintln!("{message}\n{USAGE}");
	std::process::exit(2)
}

fn main() {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let known = ["--n", "--k", "--batch", "--threads", "--check-only"];
	if let Some(unknown) =
		args.iter().find(|arg| arg.starts_with("--") && !known.contains(&arg.as_str()))
	{
		fail(&format!("unknown option {unknown}"));
	}
	let shape = Shape {
		n: number(&args, "--n", 256),
		k: number(&args, "--k", 4096),
		batch: number(&args, "--batch", 4),
	};
	let threads = number(&args, "--threads", 2) as usize;
	if let Err(error) = shape.validate() {
		fail(&format!("invalid shape {shape:?}: {error}"));
	}
	let seed = [42u8; 32];
	let keys = Keys::from_seed(&seed);
	println!(
		"n={} k={} batch={} ({} leaves, depth {}, {:.3e} multiply-adds)",
		shape.n,
		shape.k,
		shape.batch,
		shape.leaf_count(),
		shape.depth(),
		shape.multiply_adds() as f64
	);

	if !args.iter().any(|arg| arg == "--check-only") {
		let started = Instant::now();
		let solution = solver::solve(&seed, &shape, threads).expect("a valid shape");
		let seconds = started.elapsed().as_secs_f64();
		println!(
			"solve, {threads} threads: {seconds:.3} s, {:.2e} multiply-adds/s",
			shape.multiply_adds() as f64 / seconds
		);
		// The commitment opens as the chain expects.
		for sample in samples(&[7; 32], &shape, 8) {
			let values = solver::leaf_values(&seed, &shape, sample.leaf).expect("in range");
			let path = solution.prove(sample.leaf).expect("in range");
			check_sample(&keys, &shape, &solution.root, sample, &values, &path)
				.expect("an honest opening passes");
		}
	}

	let openings: Vec<_> =
		samples(&[9; 32], &shape, 16).map(|s| opening(&keys, &shape, s)).collect();
	let rounds = (2_000_000 / shape.k).clamp(10, 2_000);
	let started = Instant::now();
	for _ in 0..rounds {
		for (sample, root, values, path) in &openings {
			check_sample(&keys, &shape, root, *sample, values, path).expect("made up to pass");
		}
	}
	let per_check = started.elapsed().as_secs_f64() / f64::from(rounds * 16);
	let started = Instant::now();
	for _ in 0..rounds {
		for (sample, root, values, path) in &openings {
			assert!(verify_leaf(root, &shape, sample.leaf, values, path));
		}
	}
	let per_path = started.elapsed().as_secs_f64() / f64::from(rounds * 16);
	println!(
		"check_sample (native): {:.1} µs per sample, of which the path {:.1} µs",
		per_check * 1e6,
		per_path * 1e6
	);
}

/// An opening of `sample` that passes: the true value at the sampled offset, made-up values
/// and siblings elsewhere, and the root they lead to.
fn opening(
	keys: &Keys,
	shape: &Shape,
	sample: Sample,
) -> (Sample, Hash, [i32; LEAF_ELEMENTS], Vec<Hash>) {
	let g = sample.element_index().expect("in range");
	let (t, i, j) = position(shape, g).expect("in range");
	let mut values = [1i32; LEAF_ELEMENTS];
	values[usize::from(sample.offset)] = element(keys, shape, t, i, j).expect("in range");
	let siblings: Vec<Hash> = (0..shape.depth()).map(|level| [level as u8; 32]).collect();
	let root = root_from_path(leaf_hash(&values), sample.leaf, &siblings);
	(sample, root, values, siblings)
}
