//! The CUDA solver: the challenge's task computed on the challenged GPU itself, through the CUDA
//! driver and NVRTC. Both libraries are loaded when the solver is created, not linked, so the
//! agent builds and runs on machines without CUDA; there [`CudaSolver::new`] returns an error.
//!
//! The kernels (`kernels.cu`) are compiled once per solver, to PTX for the oldest GPU's
//! architecture, which the driver compiles for each device when a solve loads it. A solve works
//! through each product in square tiles of `C` at most [`TILE`] rows and columns wide: it
//! generates a panel of `A_t` rows and one of `B_t` rows with Philox4x32-10 as the chain does,
//! multiplies them in exact 32-bit integers and hashes each 64-element run into its leaf. The
//! device holds two panels, one tile and one block of rows' leaf hashes whatever the shape (at
//! most about 340 MiB); only the leaf hashes come back (32 bytes per 64 elements), and the
//! Merkle tree is built on the CPU.
//!
//! A solve holds a CUDA context on its GPU only while it runs: the agent starts a lease's
//! workload only on GPUs where no other process is, and a context kept between solves would be
//! one.

use std::{
	ffi::c_char,
	fmt::Write as _,
	panic::{catch_unwind, AssertUnwindSafe},
	sync::Arc,
	time::Instant,
};

use cudarc::{
	driver::{
		result::{self, DriverError},
		sys, CudaContext, CudaFunction, CudaSlice, CudaStream, LaunchConfig, PushKernelArg,
	},
	nvrtc::{compile_ptx_with_opts, CompileError, CompileOptions, Ptx},
};
use ember_compute_proof::{
	solver::Solution, Hash, Keys, Operand, Shape, ShapeError, BLOCK_ENTRIES, LEAF_ELEMENTS,
};

use super::{SolveError, Solved, Solver};
use crate::inventory;

/// The kernels' CUDA C source.
const KERNELS: &str = include_str!("kernels.cu");

/// The largest side of a tile of `C`: it bounds a solve's device memory (two panels of
/// `TILE · k` bytes, a tile of `TILE²` values, `TILE · n / 2` bytes of leaf hashes).
pub const TILE: u32 = 2048;

/// Threads per block of every kernel; the product's are a 16 × 16 grid.
const THREADS: u32 = 256;
/// Rows and columns of `C` one thread block of `ember_multiply` computes.
const BLOCK_SIDE: u32 = 64;
/// `LEAF_ELEMENTS` as a `u32`.
const LEAF: u32 = 64;
/// `BLOCK_ENTRIES` as a `u32`.
const ENTRIES: u32 = 16;
/// Words of one leaf hash as the kernels write it.
const HASH_WORDS: usize = 4;

const _: () = assert!(LEAF as usize == LEAF_ELEMENTS && ENTRIES as usize == BLOCK_ENTRIES);
// A tile is whole thread blocks of the product and whole leaves.
const _: () = assert!(TILE.is_power_of_two() && TILE >= BLOCK_SIDE && BLOCK_SIDE == LEAF);

/// Why the CUDA solver cannot start.
#[derive(Debug, thiserror::Error)]
pub enum CudaError {
	/// The driver's library cannot be opened.
	#[error("the CUDA driver library (libcuda.so) cannot be loaded: no NVIDIA driver here")]
	NoDriver,
	/// NVRTC's library cannot be opened.
	#[error(
		"the NVRTC library (libnvrtc.so) cannot be loaded: install CUDA's NVRTC (the toolkit's \
		 cuda-nvrtc package) or add its directory to LD_LIBRARY_PATH"
	)]
	NoNvrtc,
	/// The driver answers, with no device.
	#[error("the CUDA driver sees no GPU")]
	NoDevices,
	/// The driver failed.
	#[error("the CUDA driver: {0}")]
	Driver(String),
	/// The libraries lack a function the solver needs (a driver older than the solver's CUDA
	/// version, say).
	#[error("the CUDA libraries are unusable: {0}")]
	Library(String),
	/// NVRTC refused the kernels.
	#[error("NVRTC cannot compile the kernels: {0}")]
	Compile(String),
}

/// A GPU as the CUDA driver numbers and names it.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct CudaDevice {
	/// The driver's ordinal (which `CUDA_VISIBLE_DEVICES` changes, hence the UUID).
	pub ordinal: usize,
	/// The UUID spelled as NVML spells it: `GPU-` and the 16 bytes as 8-4-4-4-12 lowercase hex.
	pub uuid: String,
	/// BLAKE2-256 of `uuid`, as the inventory hashes it: the GPU's name on chain.
	pub uuid_hash: [u8; 32],
	/// Compute capability (major, minor).
	pub compute_capability: (i32, i32),
}

/// Solves challenges on the challenged GPU with CUDA kernels.
pub struct CudaSolver {
	/// Every GPU the driver sees, in its order.
	devices: Vec<CudaDevice>,
	/// The kernels, compiled once.
	ptx: Ptx,
}

impl CudaSolver {
	/// Loads the CUDA driver and NVRTC, lists the GPUs and compiles the kernels. An error,
	/// never a panic, where either library is missing or unusable, or no GPU is visible.
	pub fn new() -> Result<Self, CudaError> {
		// SAFETY: each only tries to open its library, and closes it again.
		if !unsafe { cudarc::driver::sys::is_culib_present() } {
			return Err(CudaError::NoDriver);
		}
		// SAFETY: as above.
		if !unsafe { cudarc::nvrtc::sys::is_culib_present() } {
			return Err(CudaError::NoNvrtc);
		}
		unwind_guard(|| {
			let devices = list_devices()?;
			let oldest = devices
				.iter()
				.map(|device| device.compute_capability)
				.min()
				.ok_or(CudaError::NoDevices)?;
			let ptx = compile(oldest)?;
			Ok(Self { devices, ptx })
		})
		.map_err(CudaError::Library)?
	}

	/// The GPUs the driver sees, in its order.
	pub fn devices(&self) -> &[CudaDevice] {
		&self.devices
	}

	/// [`Solver::solve`] with tiles of `C` at most `tile` wide (a power of two from 64 to
	/// [`TILE`]): smaller tiles exercise the tiling on small shapes.
	fn solve_in_tiles(
		&self,
		seed: &[u8; 32],
		shape: &Shape,
		gpu: &[u8; 32],
		tile: u32,
	) -> Result<Solved, SolveError> {
		let started = Instant::now();
		shape.validate().map_err(SolveError::Shape)?;
		let device = self
			.devices
			.iter()
			.find(|device| device.uuid_hash == *gpu)
			.ok_or(SolveError::GpuNotFound(*gpu))?;
		let leaves = unwind_guard(|| Kernels::load(&self.ptx, device)?.leaves(seed, shape, tile))
			.map_err(|panic| SolveError::Cuda(format!("the CUDA libraries failed: {panic}")))??;
		let solution = Solution::from_leaves(*shape, leaves)
			.ok_or(SolveError::Shape(ShapeError::TooManyLeaves))?;
		Ok(Solved { seed: *seed, solution, took: started.elapsed() })
	}
}

impl Solver for CudaSolver {
	fn kind(&self) -> &'static str {
		"cuda"
	}

	fn solve(&self, seed: &[u8; 32], shape: &Shape, gpu: &[u8; 32]) -> Result<Solved, SolveError> {
		self.solve_in_tiles(seed, shape, gpu, TILE)
	}
}

/// Every GPU the driver sees, named as the inventory names it.
fn list_devices() -> Result<Vec<CudaDevice>, CudaError> {
	let driver = |error: DriverError| CudaError::Driver(describe(&error));
	match result::init() {
		Err(DriverError(sys::CUresult::CUDA_ERROR_NO_DEVICE)) => return Err(CudaError::NoDevices),
		other => other.map_err(driver)?,
	}
	let count = result::device::get_count().map_err(driver)?;
	let mut devices = Vec::new();
	for (index, ordinal) in (0..count).zip(0usize..) {
		let device = result::device::get(index).map_err(driver)?;
		let uuid = nvml_uuid(result::device::get_uuid(device).map_err(driver)?.bytes.map(byte));
		let attribute = |attribute| {
			// SAFETY: `device` comes from `device::get`.
			unsafe { result::device::get_attribute(device, attribute) }.map_err(driver)
		};
		let major =
			attribute(sys::CUdevice_attribute::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)?;
		let minor =
			attribute(sys::CUdevice_attribute::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR)?;
		devices.push(CudaDevice {
			ordinal,
			uuid_hash: inventory::uuid_hash(&uuid),
			uuid,
			compute_capability: (major, minor),
		});
	}
	Ok(devices)
}

/// A C `char` as the byte it holds (`c_char` is signed on some targets, unsigned on others).
fn byte(c: c_char) -> u8 {
	u8::from_ne_bytes(c.to_ne_bytes())
}

/// A device UUID as NVML spells it: `GPU-` and the bytes as 8-4-4-4-12 lowercase hex.
fn nvml_uuid(bytes: [u8; 16]) -> String {
	let mut uuid = String::from("GPU-");
	for (i, byte) in bytes.iter().enumerate() {
		if matches!(i, 4 | 6 | 8 | 10) {
			uuid.push('-');
		}
		// Writing to a `String` cannot fail.
		let _ = write!(uuid, "{byte:02x}");
	}
	uuid
}

/// The kernels as PTX for compute capability `major.minor`, the oldest GPU's: it runs on every
/// GPU, with the integer dot product instruction where that architecture has it. An NVRTC that
/// does not know the architecture (one older than the GPU) compiles for its own default one,
/// which the driver still compiles for the GPU.
fn compile((major, minor): (i32, i32)) -> Result<Ptx, CudaError> {
	let options = |arch: Option<String>| CompileOptions {
		options: arch.into_iter().collect(),
		name: Some("ember_proof.cu".into()),
		..CompileOptions::default()
	};
	let arch = format!("--gpu-architecture=compute_{major}{minor}");
	match compile_ptx_with_opts(KERNELS, options(Some(arch))) {
		Ok(ptx) => Ok(ptx),
		Err(error) => {
			tracing::debug!(
				error = %compile_error(&error),
				"NVRTC cannot target compute_{major}{minor}; compiling for its default architecture"
			);
			compile_ptx_with_opts(KERNELS, options(None))
				.map_err(|error| CudaError::Compile(compile_error(&error)))
		},
	}
}

/// An NVRTC error with its compiler log, when it has one.
fn compile_error(error: &CompileError) -> String {
	match error {
		CompileError::CompileError { nvrtc, log, .. } => {
			format!("{nvrtc}: {}", log.to_string_lossy().trim())
		},
		other => other.to_string(),
	}
}

/// A driver error's name and the driver's description of it.
fn describe(error: &DriverError) -> String {
	match error.error_string() {
		Ok(text) => format!("{:?}: {}", error.0, text.to_string_lossy()),
		Err(_) => format!("{:?}", error.0),
	}
}

/// The error of a failed CUDA call, naming what was being done.
fn cuda(doing: &'static str) -> impl Fn(DriverError) -> SolveError {
	move |error| SolveError::Cuda(format!("{doing}: {}", describe(&error)))
}

/// Runs `f`, turning a panic into its message: cudarc panics where a library lacks a function
/// it binds, and an old driver must not take the agent down.
fn unwind_guard<T>(f: impl FnOnce() -> T) -> Result<T, String> {
	catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
		panic
			.downcast_ref::<&str>()
			.map(|message| (*message).to_string())
			.or_else(|| panic.downcast_ref::<String>().cloned())
			.unwrap_or_else(|| "a panic without a message".into())
	})
}

/// The kernels loaded on one GPU for one solve. Dropping it releases the GPU's context.
struct Kernels {
	stream: Arc<CudaStream>,
	generate: CudaFunction,
	multiply: CudaFunction,
	hash: CudaFunction,
}

impl Kernels {
	/// Opens a context on `device` and loads `ptx` into it.
	fn load(ptx: &Ptx, device: &CudaDevice) -> Result<Self, SolveError> {
		let context = CudaContext::new(device.ordinal).map_err(cuda("cannot open the GPU"))?;
		let module = context.load_module(ptx.clone()).map_err(|error| {
			let hint = if error.0 == sys::CUresult::CUDA_ERROR_UNSUPPORTED_PTX_VERSION {
				" (the driver is older than NVRTC: update the driver, or use the NVRTC of its \
				 CUDA version)"
			} else {
				""
			};
			SolveError::Cuda(format!("cannot load the kernels: {}{hint}", describe(&error)))
		})?;
		let function = |name| module.load_function(name).map_err(cuda("a kernel is missing"));
		Ok(Self {
			stream: context.default_stream(),
			generate: function("ember_generate")?,
			multiply: function("ember_multiply")?,
			hash: function("ember_hash_leaves")?,
		})
	}

	/// The leaf hashes of the task of `seed` and the valid `shape`, in order, computed in tiles
	/// at most `tile` wide.
	fn leaves(&self, seed: &[u8; 32], shape: &Shape, tile: u32) -> Result<Vec<Hash>, SolveError> {
		let keys = Keys::from_seed(seed);
		let Shape { n, k, batch } = *shape;
		// A power of two from 64 to `n`, so that tiles divide the product.
		let tile = tile.clamp(LEAF, TILE).next_power_of_two().min(n);
		let per_row = shape.leaves_per_row();
		let size = |count: u64| {
			usize::try_from(count).map_err(|_| SolveError::Shape(ShapeError::TooManyLeaves))
		};
		let (tile64, k64, per_row64) = (u64::from(tile), u64::from(k), u64::from(per_row));
		let block_leaves = size(tile64 * per_row64)?;
		let stream = &self.stream;
		let allocate = cuda("cannot allocate device memory");
		let mut a = stream.alloc_zeros::<u8>(size(tile64 * k64)?).map_err(&allocate)?;
		let mut b = stream.alloc_zeros::<u8>(size(tile64 * k64)?).map_err(&allocate)?;
		let mut c = stream.alloc_zeros::<i32>(size(tile64 * tile64)?).map_err(&allocate)?;
		let words = block_leaves * HASH_WORDS;
		let mut hashes = stream.alloc_zeros::<u64>(words).map_err(&allocate)?;
		let mut staging = vec![0u64; words];

		let mut leaves = vec![[0u8; 32]; size(shape.leaf_count())?];
		let product_leaves = size(u64::from(n) * per_row64)?;
		let step = size(tile64)?;
		for (t, product) in (0..batch).zip(leaves.chunks_exact_mut(product_leaves)) {
			// Rows of `C_t` in blocks of `tile`, whose leaves are consecutive.
			for (first_row, rows) in
				(0..n).step_by(step).zip(product.chunks_exact_mut(block_leaves))
			{
				self.generate(&mut a, keys.key(Operand::A), t, first_row, tile, k)?;
				for first_column in (0..n).step_by(step) {
					self.generate(&mut b, keys.key(Operand::B), t, first_column, tile, k)?;
					self.multiply(&a, &b, &mut c, tile, k)?;
					self.hash(&c, &mut hashes, tile, per_row, first_column / LEAF)?;
				}
				stream
					.memcpy_dtoh(&hashes, &mut staging)
					.map_err(cuda("cannot copy the leaf hashes"))?;
				stream.synchronize().map_err(cuda("the kernels failed"))?;
				for (leaf, words) in rows.iter_mut().zip(staging.chunks_exact(HASH_WORDS)) {
					for (bytes, word) in leaf.chunks_exact_mut(8).zip(words) {
						bytes.copy_from_slice(&word.to_le_bytes());
					}
				}
			}
		}
		Ok(leaves)
	}

	/// Rows `first_row .. first_row + rows` of matrix `t` of the operand keyed `key`, `k`
	/// entries each, into `out`.
	fn generate(
		&self,
		out: &mut CudaSlice<u8>,
		[k0, k1]: [u32; 2],
		t: u32,
		first_row: u32,
		rows: u32,
		k: u32,
	) -> Result<(), SolveError> {
		let blocks_per_row = k / ENTRIES;
		let threads = rows * blocks_per_row;
		let mut launch = self.stream.launch_builder(&self.generate);
		launch
			.arg(out)
			.arg(&k0)
			.arg(&k1)
			.arg(&t)
			.arg(&first_row)
			.arg(&rows)
			.arg(&blocks_per_row);
		// SAFETY: the arguments are `ember_generate`'s parameters, in order and of their types,
		// and `out` holds the `rows · k` bytes it writes.
		unsafe { launch.launch(linear(threads)) }.map_err(cuda("cannot run the generator"))?;
		Ok(())
	}

	/// `c = a · bᵀ` for `side` rows of `k` entries each.
	fn multiply(
		&self,
		a: &CudaSlice<u8>,
		b: &CudaSlice<u8>,
		c: &mut CudaSlice<i32>,
		side: u32,
		k: u32,
	) -> Result<(), SolveError> {
		let blocks = side / BLOCK_SIDE;
		let config = LaunchConfig {
			grid_dim: (blocks, blocks, 1),
			block_dim: (THREADS, 1, 1),
			shared_mem_bytes: 0,
		};
		let mut launch = self.stream.launch_builder(&self.multiply);
		launch.arg(a).arg(b).arg(c).arg(&side).arg(&k);
		// SAFETY: the arguments are `ember_multiply`'s parameters, in order and of their types;
		// `a` and `b` hold `side · k` bytes, `c` `side²` values, and the grid covers `c`
		// exactly (`side` is a multiple of 64).
		unsafe { launch.launch(config) }.map_err(cuda("cannot run the product"))?;
		Ok(())
	}

	/// Hash the leaves of the `side × side` tile `c` whose first column is leaf `first` of
	/// its rows, into `out`, which holds `stride` leaves per row.
	fn hash(
		&self,
		c: &CudaSlice<i32>,
		out: &mut CudaSlice<u64>,
		side: u32,
		stride: u32,
		first: u32,
	) -> Result<(), SolveError> {
		let threads = side * (side / LEAF);
		let mut launch = self.stream.launch_builder(&self.hash);
		launch.arg(c).arg(out).arg(&side).arg(&stride).arg(&first);
		// SAFETY: the arguments are `ember_hash_leaves`'s parameters, in order and of their
		// types; `c` holds `side²` values and `out` `side · stride` leaves, of which the tile's
		// are `first .. first + side / 64` of each row.
		unsafe { launch.launch(linear(threads)) }.map_err(cuda("cannot run the hashing"))?;
		Ok(())
	}
}

/// One thread each for `threads` items, in blocks of [`THREADS`].
fn linear(threads: u32) -> LaunchConfig {
	LaunchConfig {
		grid_dim: (threads.div_ceil(THREADS), 1, 1),
		block_dim: (THREADS, 1, 1),
		shared_mem_bytes: 0,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::proving::CpuSolver;

	#[test]
	fn uuids_are_spelled_as_nvml_spells_them() {
		let bytes = [
			0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0xbb, 0xcc, 0xdd,
			0xee, 0xff,
		];
		assert_eq!(nvml_uuid(bytes), "GPU-00010203-0405-0607-0809-0abbccddeeff");
		assert_eq!(byte(c_char::from_ne_bytes([0xff])), 0xff);
	}

	#[test]
	fn the_cuda_solver_matches_the_cpu_reference() {
		let solver = match CudaSolver::new() {
			Ok(solver) => solver,
			Err(error) => {
				println!("skipped: the CUDA solver cannot start: {error}");
				return;
			},
		};
		let Some(device) = solver.devices().first().cloned() else {
			println!("skipped: no CUDA device");
			return;
		};
		println!(
			"solving on CUDA device {} ({}, compute capability {}.{})",
			device.ordinal, device.uuid, device.compute_capability.0, device.compute_capability.1
		);
		let cpu = CpuSolver::with_spare_core();
		let seed = [0x5au8; 32];
		// (shape, tile): k below, at and above one pass of the product's inner loop, several
		// products, and shapes wider than a tile.
		let cases = [
			(Shape { n: 64, k: 64, batch: 1 }, TILE),
			(Shape { n: 128, k: 256, batch: 2 }, TILE),
			(Shape { n: 256, k: 4096, batch: 1 }, TILE),
			(Shape { n: 256, k: 16, batch: 2 }, 64),
			(Shape { n: 512, k: 32, batch: 1 }, 128),
			(Shape { n: 4096, k: 16, batch: 1 }, TILE),
		];
		for (shape, tile) in cases {
			let expected = cpu.solve(&seed, &shape, &device.uuid_hash).expect("the CPU solves");
			let solved = solver
				.solve_in_tiles(&seed, &shape, &device.uuid_hash, tile)
				.unwrap_or_else(|error| panic!("{shape:?} in tiles of {tile}: {error}"));
			assert_eq!(solved.solution.leaves(), expected.solution.leaves(), "{shape:?}, {tile}");
			assert_eq!(solved.root(), expected.root(), "{shape:?}, {tile}");
			println!("{shape:?} in tiles of {tile}: {:?} (CPU {:?})", solved.took, expected.took);
		}
		let elsewhere = solver.solve(&seed, &Shape { n: 64, k: 64, batch: 1 }, &[0xee; 32]);
		assert!(matches!(elsewhere, Err(SolveError::GpuNotFound(_))), "{:?}", elsewhere.err());
	}
}
