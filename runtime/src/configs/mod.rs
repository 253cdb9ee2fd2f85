//! Configuration of every pallet in the runtime, grouped by concern.

mod consensus;
mod ember;
mod governance;
mod monetary;
mod system;

pub use consensus::*;
pub use ember::*;
pub use governance::*;
pub use monetary::*;
pub use system::*;
