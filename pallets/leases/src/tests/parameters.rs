//! `integrity_test`: a configuration the market cannot run with is refused when the runtime is
//! built.

use super::*;
use frame_support::traits::Hooks;

#[test]
fn an_offline_limit_of_zero_is_refused_when_the_runtime_is_built() {
	new_test_ext().execute_with(|| {
		<crate::Pallet<Test> as Hooks<BlockNumber>>::integrity_test();
		OfflineLimit::set(&0);
		let refused = std::panic::catch_unwind(|| {
			<crate::Pallet<Test> as Hooks<BlockNumber>>::integrity_test()
		});
		let message = refused
			.err()
			.and_then(|panic| panic.downcast_ref::<&str>().map(|text| text.to_string()))
			.unwrap_or_default();
		assert!(message.contains("OfflineLimit must be positive"), "{message:?}");
	});
}
