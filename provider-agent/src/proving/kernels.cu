// The proof-of-compute task on a CUDA GPU, bit for bit as `ember-compute-proof` defines it
// (task.rs, philox.rs, merkle.rs). cuda.rs compiles this once with NVRTC and drives it tile by
// tile: `ember_generate` fills a panel of rows of A_t or B_t, `ember_multiply` computes a square
// tile of C_t = A_t · B_tᵀ in exact 32-bit integers, and `ember_hash_leaves` hashes the tile's
// 64-element runs into their leaves. Only the leaf hashes leave the device.

typedef unsigned int u32;
typedef unsigned long long u64;

// ---------------------------------------------------------------------------------------------
// Philox4x32-10 (philox.rs).

__device__ __forceinline__ uint4 philox4x32_10(u32 c0, u32 c1, u32 c2, u32 c3, u32 k0, u32 k1) {
#pragma unroll
	for (int round = 0; round < 10; ++round) {
		// The key is bumped between rounds, not before the first.
		if (round > 0) {
			k0 += 0x9E3779B9u;
			k1 += 0xBB67AE85u;
		}
		const u32 hi0 = __umulhi(0xD2511F53u, c0);
		const u32 lo0 = 0xD2511F53u * c0;
		const u32 hi1 = __umulhi(0xCD9E8D57u, c2);
		const u32 lo1 = 0xCD9E8D57u * c2;
		const u32 next0 = hi1 ^ c1 ^ k0;
		const u32 next2 = hi0 ^ c3 ^ k1;
		c0 = next0;
		c1 = lo1;
		c2 = next2;
		c3 = lo0;
	}
	return make_uint4(c0, c1, c2, c3);
}

// Rows `first_row .. first_row + rows` of matrix `t` of one operand (key `k0, k1`), each
// `16 · blocks_per_row` entries long, row-major into `out`. Thread `g` writes block `q` of local
// row `r`: the generator's output for counter [q, first_row + r, t, 0], whose four words stored
// little-endian are the block's sixteen i8 entries in order (task.rs `block`).
extern "C" __global__ void ember_generate(
	uint4* out,
	u32 k0,
	u32 k1,
	u32 t,
	u32 first_row,
	u32 rows,
	u32 blocks_per_row
) {
	const u64 g = (u64)blockIdx.x * blockDim.x + threadIdx.x;
	if (g >= (u64)rows * blocks_per_row) {
		return;
	}
	const u32 r = (u32)(g / blocks_per_row);
	const u32 q = (u32)(g % blocks_per_row);
	out[g] = philox4x32_10(q, first_row + r, t, 0u, k0, k1);
}

// ---------------------------------------------------------------------------------------------
// The product.

// `c` plus the dot product of the four i8 lanes of `a` and `b`.
__device__ __forceinline__ int dot4(int a, int b, int c) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 610
	return __dp4a(a, b, c);
#else
#pragma unroll
	for (int shift = 0; shift < 32; shift += 8) {
		// Sign-extend lane `shift / 8` of each word.
		const int x = ((int)((u32)a << (24 - shift))) >> 24;
		const int y = ((int)((u32)b << (24 - shift))) >> 24;
		c += x * y;
	}
	return c;
#endif
}

// Rows and columns of C per thread block.
#define TILE_C 64
// Words (four entries each) of the inner dimension per pass through shared memory.
#define STEP_WORDS 16

// C = A · Bᵀ for `side` rows of A and `side` rows of B, `k` i8 entries each (k a multiple of
// 16), all row-major; C is side × side i32. Launched as (side / 64) × (side / 64) blocks of 256
// threads: block (x, y) computes rows 64y .., columns 64x ..; thread (tx, ty) of 16 × 16 the
// 4 × 4 elements at rows ty + 16i, columns tx + 16j. The sums are exact: |C| ≤ k · 2^14 ≤ 2^30.
extern "C" __global__ void ember_multiply(const int* a, const int* b, int* c, u32 side, u32 k) {
	__shared__ int a_tile[TILE_C][STEP_WORDS + 1];
	__shared__ int b_tile[TILE_C][STEP_WORDS + 1];
	const u32 tx = threadIdx.x % 16;
	const u32 ty = threadIdx.x / 16;
	const u32 row0 = blockIdx.y * TILE_C;
	const u32 col0 = blockIdx.x * TILE_C;
	const u32 words = k / 4;
	// Each thread loads four words of one row of each tile.
	const u32 load_row = threadIdx.x / 4;
	const u32 load_word = 4 * (threadIdx.x % 4);
	const uint4* a_row = (const uint4*)(a + (u64)(row0 + load_row) * words);
	const uint4* b_row = (const uint4*)(b + (u64)(col0 + load_row) * words);

	int sums[4][4];
#pragma unroll
	for (int i = 0; i < 4; ++i) {
#pragma unroll
		for (int j = 0; j < 4; ++j) {
			sums[i][j] = 0;
		}
	}

	for (u32 w0 = 0; w0 < words; w0 += STEP_WORDS) {
		const u32 w = w0 + load_word;
		// A row shorter than a step (k = 16 or 32) is padded with zeros, which add nothing.
		uint4 av = make_uint4(0u, 0u, 0u, 0u);
		uint4 bv = make_uint4(0u, 0u, 0u, 0u);
		if (w < words) {
			av = a_row[w / 4];
			bv = b_row[w / 4];
		}
		a_tile[load_row][load_word + 0] = (int)av.x;
		a_tile[load_row][load_word + 1] = (int)av.y;
		a_tile[load_row][load_word + 2] = (int)av.z;
		a_tile[load_row][load_word + 3] = (int)av.w;
		b_tile[load_row][load_word + 0] = (int)bv.x;
		b_tile[load_row][load_word + 1] = (int)bv.y;
		b_tile[load_row][load_word + 2] = (int)bv.z;
		b_tile[load_row][load_word + 3] = (int)bv.w;
		__syncthreads();
#pragma unroll
		for (int s = 0; s < STEP_WORDS; ++s) {
			int x[4];
			int y[4];
#pragma unroll
			for (int i = 0; i < 4; ++i) {
				x[i] = a_tile[ty + 16 * i][s];
				y[i] = b_tile[tx + 16 * i][s];
			}
#pragma unroll
			for (int i = 0; i < 4; ++i) {
#pragma unroll
				for (int j = 0; j < 4; ++j) {
					sums[i][j] = dot4(x[i], y[j], sums[i][j]);
				}
			}
		}
		__syncthreads();
	}

#pragma unroll
	for (int i = 0; i < 4; ++i) {
#pragma unroll
		for (int j = 0; j < 4; ++j) {
			c[(u64)(row0 + ty + 16 * i) * side + col0 + tx + 16 * j] = sums[i][j];
		}
	}
}

// ---------------------------------------------------------------------------------------------
// BLAKE2b-256 of a leaf (merkle.rs `leaf_hash`): 0x00 ++ 64 i32 values little-endian, 257
// bytes, so two full 128-byte blocks and a last one holding one byte.

__device__ __forceinline__ u64 rotr64(u64 x, int n) {
	return (x >> n) | (x << (64 - n));
}

__device__ __forceinline__ void blake2b_g(u64& a, u64& b, u64& c, u64& d, u64 x, u64 y) {
	a = a + b + x;
	d = rotr64(d ^ a, 32);
	c = c + d;
	b = rotr64(b ^ c, 24);
	a = a + b + y;
	d = rotr64(d ^ a, 16);
	c = c + d;
	b = rotr64(b ^ c, 63);
}

// One round, with the message words in the order of one row of BLAKE2b's permutation table.
#define BLAKE2B_ROUND(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15) \
	blake2b_g(v[0], v[4], v[8], v[12], m[s0], m[s1]);                                      \
	blake2b_g(v[1], v[5], v[9], v[13], m[s2], m[s3]);                                      \
	blake2b_g(v[2], v[6], v[10], v[14], m[s4], m[s5]);                                     \
	blake2b_g(v[3], v[7], v[11], v[15], m[s6], m[s7]);                                     \
	blake2b_g(v[0], v[5], v[10], v[15], m[s8], m[s9]);                                     \
	blake2b_g(v[1], v[6], v[11], v[12], m[s10], m[s11]);                                   \
	blake2b_g(v[2], v[7], v[8], v[13], m[s12], m[s13]);                                    \
	blake2b_g(v[3], v[4], v[9], v[14], m[s14], m[s15])

#define BLAKE2B_IV0 0x6a09e667f3bcc908ull
#define BLAKE2B_IV1 0xbb67ae8584caa73bull
#define BLAKE2B_IV2 0x3c6ef372fe94f82bull
#define BLAKE2B_IV3 0xa54ff53a5f1d36f1ull
#define BLAKE2B_IV4 0x510e527fade682d1ull
#define BLAKE2B_IV5 0x9b05688c2b3e6c1full
#define BLAKE2B_IV6 0x1f83d9abfb41bd6bull
#define BLAKE2B_IV7 0x5be0cd19137e2179ull

// Compress one block `m` into `h`; `bytes` is the message length so far, this block included.
__device__ __forceinline__ void blake2b_compress(u64 h[8], const u64 m[16], u64 bytes, bool last) {
	u64 v[16];
#pragma unroll
	for (int i = 0; i < 8; ++i) {
		v[i] = h[i];
	}
	v[8] = BLAKE2B_IV0;
	v[9] = BLAKE2B_IV1;
	v[10] = BLAKE2B_IV2;
	v[11] = BLAKE2B_IV3;
	v[12] = BLAKE2B_IV4 ^ bytes;
	v[13] = BLAKE2B_IV5;
	v[14] = last ? ~BLAKE2B_IV6 : BLAKE2B_IV6;
	v[15] = BLAKE2B_IV7;
	// Twelve rounds: the ten rows of the permutation table, then its first two again.
	BLAKE2B_ROUND(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	BLAKE2B_ROUND(14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3);
	BLAKE2B_ROUND(11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4);
	BLAKE2B_ROUND(7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8);
	BLAKE2B_ROUND(9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13);
	BLAKE2B_ROUND(2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9);
	BLAKE2B_ROUND(12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11);
	BLAKE2B_ROUND(13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10);
	BLAKE2B_ROUND(6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5);
	BLAKE2B_ROUND(10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0);
	BLAKE2B_ROUND(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
	BLAKE2B_ROUND(14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3);
#pragma unroll
	for (int i = 0; i < 8; ++i) {
		h[i] ^= v[i] ^ v[i + 8];
	}
}

// Little-endian word `w` (bytes 8w .. 8w + 8) of the leaf message 0x00 ++ x: the tag shifts
// the values by one byte, so it holds the last byte of x[2w - 1], all of x[2w] and the first
// three bytes of x[2w + 1] (zero before the first value and past the last).
__device__ __forceinline__ u64 leaf_word(const u32* x, int w) {
	const u64 before = w > 0 ? (u64)(x[2 * w - 1] >> 24) : 0ull;
	const u64 middle = 2 * w < 64 ? (u64)x[2 * w] : 0ull;
	const u64 after = 2 * w + 1 < 64 ? (u64)x[2 * w + 1] : 0ull;
	return before | (middle << 8) | (after << 40);
}

// One thread per leaf of the side × side tile `c`: leaf (r, l) holds c[r][64l .. 64l + 64],
// and its hash goes to out[r · stride + first + l] (32 bytes, as four little-endian words), so
// that a block of rows' leaves land in the commitment's order across its column tiles.
extern "C" __global__ void ember_hash_leaves(const u32* c, u64* out, u32 side, u32 stride, u32 first) {
	const u32 per_row = side / 64;
	const u64 g = (u64)blockIdx.x * blockDim.x + threadIdx.x;
	if (g >= (u64)side * per_row) {
		return;
	}
	const u32 r = (u32)(g / per_row);
	const u32 l = (u32)(g % per_row);
	const u32* x = c + (u64)r * side + 64u * l;

	// Parameter block: 32-byte digest, no key, fan-out and depth 1.
	u64 h[8] = {
		BLAKE2B_IV0 ^ 0x01010020ull,
		BLAKE2B_IV1,
		BLAKE2B_IV2,
		BLAKE2B_IV3,
		BLAKE2B_IV4,
		BLAKE2B_IV5,
		BLAKE2B_IV6,
		BLAKE2B_IV7,
	};
	u64 m[16];
#pragma unroll
	for (int i = 0; i < 16; ++i) {
		m[i] = leaf_word(x, i);
	}
	blake2b_compress(h, m, 128ull, false);
#pragma unroll
	for (int i = 0; i < 16; ++i) {
		m[i] = leaf_word(x, 16 + i);
	}
	blake2b_compress(h, m, 256ull, false);
	m[0] = leaf_word(x, 32);
#pragma unroll
	for (int i = 1; i < 16; ++i) {
		m[i] = 0ull;
	}
	blake2b_compress(h, m, 257ull, true);

	u64* leaf = out + ((u64)r * stride + first + l) * 4;
#pragma unroll
	for (int i = 0; i < 4; ++i) {
		leaf[i] = h[i];
	}
}
