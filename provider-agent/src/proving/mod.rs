//! Answering proof-of-compute challenges: a [`Solver`] computes the seeded product and its
//! Merkle tree on the challenged GPU, and [`openings`] opens the leaves the chain sampled.
//!
//! [`CudaSolver`] computes the task on the challenged GPU itself, which a GPU class whose shape
//! is sized for it needs to finish inside the commit window. [`CpuSolver`] is the portable
//! reference: bit-identical to what the runtime checks, fast enough for the small shapes of
//! development chains and for simulated GPUs, and the fallback where CUDA cannot start (a real
//! GPU answered by it fails where the shape is sized for its class; the logs and
//! `ember_agent_challenge_solve_seconds{solver}` say so). [`select`] picks one as
//! `[challenges] solver` asks.

pub mod cuda;

use std::{
	sync::Arc,
	time::{Duration, Instant},
};

use ember_client::challenges::Opening;
use ember_compute_proof::{samples, solver, Shape, ShapeError, LEAF_ELEMENTS};

pub use self::cuda::{CudaDevice, CudaError, CudaSolver};
use crate::config::{ChallengesConfig, SolverChoice};

/// Why a challenge could not be solved.
#[derive(Debug, thiserror::Error)]
pub enum SolveError {
	/// The chain asked for a shape the task does not allow.
	#[error("invalid challenge shape: {0:?}")]
	Shape(ShapeError),
	/// A leaf the chain sampled lies outside the task.
	#[error("sampled leaf {0} is outside the task")]
	LeafOutOfRange(u64),
	/// No GPU the CUDA driver sees has the challenged GPU's UUID hash.
	#[error("no CUDA device has the challenged GPU's UUID hash 0x{}", hex::encode(.0))]
	GpuNotFound([u8; 32]),
	/// The CUDA driver or a kernel failed.
	#[error("CUDA: {0}")]
	Cuda(String),
}

/// A solved challenge: the root to commit and what opening its leaves needs.
pub struct Solved {
	/// The task's seed.
	pub seed: [u8; 32],
	/// The product's Merkle tree.
	pub solution: solver::Solution,
	/// How long solving took.
	pub took: Duration,
}

impl Solved {
	/// The Merkle root to commit.
	pub fn root(&self) -> [u8; 32] {
		self.solution.root
	}
}

/// Computes challenge tasks on one kind of device.
pub trait Solver: Send + Sync + 'static {
	/// A short name for logs and metrics (`cpu`, `cuda`).
	fn kind(&self) -> &'static str;

	/// Compute the task of `seed` and `shape` on the GPU whose UUID hash is `gpu`, and build
	/// its Merkle tree. Blocking: run it off the async workers.
	fn solve(&self, seed: &[u8; 32], shape: &Shape, gpu: &[u8; 32]) -> Result<Solved, SolveError>;

	/// The values of one leaf of the product, as the committed tree holds them.
	fn leaf_values(
		&self,
		seed: &[u8; 32],
		shape: &Shape,
		leaf: u64,
	) -> Result<[i32; LEAF_ELEMENTS], SolveError> {
		solver::leaf_values(seed, shape, leaf).ok_or(SolveError::LeafOutOfRange(leaf))
	}
}

/// The CPU reference solver, on a fixed number of threads.
pub struct CpuSolver {
	threads: usize,
}

impl CpuSolver {
	/// A solver using `threads` threads (at least one).
	pub fn new(threads: usize) -> Self {
		Self { threads: threads.max(1) }
	}

	/// A solver using every core but one (at least one): the agent keeps a core for its other
	/// work while it proves a GPU.
	pub fn with_spare_core() -> Self {
		let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
		Self::new(cores.saturating_sub(1))
	}
}

impl Solver for CpuSolver {
	fn kind(&self) -> &'static str {
		"cpu"
	}

	fn solve(&self, seed: &[u8; 32], shape: &Shape, _gpu: &[u8; 32]) -> Result<Solved, SolveError> {
		let started = Instant::now();
		let solution = solver::solve(seed, shape, self.threads).map_err(SolveError::Shape)?;
		Ok(Solved { seed: *seed, solution, took: started.elapsed() })
	}
}

/// The solver `[challenges]` asks for, for GPUs from an inventory of kind `inventory` (`nvml`
/// or `simulated`):
///
/// - simulated GPUs are always answered by the CPU solver (CUDA has no device of theirs);
/// - `cpu`: the CPU solver;
/// - `cuda`: the CUDA solver, or an error when it cannot start;
/// - `auto`: the CUDA solver when it starts, the CPU solver (with a warning) otherwise.
pub fn select(config: &ChallengesConfig, inventory: &str) -> Result<Arc<dyn Solver>, CudaError> {
	let cpu = || -> Arc<dyn Solver> {
		Arc::new(match config.cpu_threads {
			Some(threads) => CpuSolver::new(threads),
			None => CpuSolver::with_spare_core(),
		})
	};
	if inventory != "nvml" {
		if config.solver == SolverChoice::Cuda {
			tracing::warn!(
				inventory,
				"challenges.solver = \"cuda\" does not apply to simulated GPUs: the CPU solver answers their challenges"
			);
		}
		return Ok(cpu());
	}
	let cuda = || -> Result<Arc<dyn Solver>, CudaError> {
		let solver = CudaSolver::new()?;
		let gpus: Vec<&str> = solver.devices().iter().map(|device| device.uuid.as_str()).collect();
		tracing::info!(?gpus, "the CUDA solver answers challenges");
		Ok(Arc::new(solver))
	};
	match config.solver {
		SolverChoice::Cpu => Ok(cpu()),
		SolverChoice::Cuda => cuda(),
		SolverChoice::Auto => cuda().or_else(|error| {
			tracing::warn!(
				%error,
				"the CUDA solver cannot start: the CPU solver answers challenges, too slowly for \
				 the shapes of real GPU classes"
			);
			Ok(cpu())
		}),
	}
}

/// The openings of the `count` samples the chain drew from `sample_seed`, in their order.
pub fn openings(
	solver: &dyn Solver,
	solved: &Solved,
	sample_seed: &[u8; 32],
	count: u32,
) -> Result<Vec<Opening>, SolveError> {
	let shape = solved.solution.shape;
	samples(sample_seed, &shape, count)
		.map(|sample| {
			let values = solver.leaf_values(&solved.seed, &shape, sample.leaf)?;
			let path = solved
				.solution
				.prove(sample.leaf)
				.ok_or(SolveError::LeafOutOfRange(sample.leaf))?;
			Ok(Opening { values, path })
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use ember_compute_proof::{check_sample, Keys};

	#[test]
	fn the_cpu_solvers_openings_pass_the_runtimes_check() {
		let shape = Shape { n: 64, k: 256, batch: 2 };
		let seed = [7u8; 32];
		let solver = CpuSolver::new(2);
		let solved = solver.solve(&seed, &shape, &[0; 32]).expect("solves");
		let sample_seed = [9u8; 32];
		let openings = openings(&solver, &solved, &sample_seed, 16).expect("opens");
		assert_eq!(openings.len(), 16);
		let keys = Keys::from_seed(&seed);
		for (sample, opening) in samples(&sample_seed, &shape, 16).zip(&openings) {
			assert_eq!(
				check_sample(&keys, &shape, &solved.root(), sample, &opening.values, &opening.path),
				Ok(())
			);
		}
	}

	#[test]
	fn the_solver_follows_the_configuration() {
		let kind = |solver, inventory| {
			let config = ChallengesConfig { cpu_threads: Some(1), solver };
			select(&config, inventory).map(|solver| solver.kind())
		};
		assert_eq!(kind(SolverChoice::Cpu, "nvml").ok(), Some("cpu"));
		for solver in [SolverChoice::Auto, SolverChoice::Cpu, SolverChoice::Cuda] {
			assert_eq!(kind(solver, "simulated").ok(), Some("cpu"), "{solver:?}");
		}
		if CudaSolver::new().is_ok() {
			assert_eq!(kind(SolverChoice::Cuda, "nvml").ok(), Some("cuda"));
			assert_eq!(kind(SolverChoice::Auto, "nvml").ok(), Some("cuda"));
		} else {
			assert!(kind(SolverChoice::Cuda, "nvml").is_err());
			assert_eq!(kind(SolverChoice::Auto, "nvml").ok(), Some("cpu"));
		}
	}

	#[test]
	fn an_invalid_shape_is_refused_by_name() {
		let solver = CpuSolver::new(1);
		let error = solver.solve(&[0; 32], &Shape { n: 3, k: 5, batch: 1 }, &[0; 32]).err();
		assert!(matches!(error, Some(SolveError::Shape(_))), "{error:?}");
	}
}
