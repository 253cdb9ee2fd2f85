/*
 * A stand-in for NVIDIA's libnvidia-ml.so.1, for testing the provider agent's NVML code path on
 * machines without a GPU. It implements the entry points the agent calls through nvml-wrapper
 * and reads the devices it pretends to have from `devices.conf` next to the library itself, one
 * per line:
 *
 *     name|memory MiB|major.minor|UUID|state[|pid:MiB,pid:MiB...]
 *
 * where state is `ok`, `lost` (every query of the device fails with NVML_ERROR_GPU_IS_LOST),
 * `nocc` (the compute capability and MIG mode queries are not supported, as on older GPUs) or
 * `mig` (MIG mode is on: the GPU is split into instances), and the optional last field lists
 * the compute processes running on the device. Each test builds its own copy.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int nvmlReturn_t;
#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_SUPPORTED 3
#define NVML_ERROR_NOT_FOUND 6
#define NVML_ERROR_INSUFFICIENT_SIZE 7
#define NVML_ERROR_GPU_IS_LOST 15

#define MAX_DEVICES 16
#define MAX_PROCESSES 8

struct fake_device {
	char name[96];
	unsigned long long memory_mib;
	int major, minor;
	char uuid[96];
	char state[16];
	unsigned int process_count;
	unsigned int pids[MAX_PROCESSES];
	unsigned long long process_mib[MAX_PROCESSES];
};

static struct fake_device devices[MAX_DEVICES];
static unsigned int device_count;
static int initialised;

static void load(void) {
	Dl_info info;
	char path[PATH_MAX], dir[PATH_MAX], line[512];
	device_count = 0;
	if (!dladdr((void *)load, &info) || !info.dli_fname) return;
	strncpy(dir, info.dli_fname, sizeof dir - 1);
	dir[sizeof dir - 1] = 0;
	snprintf(path, sizeof path, "%s/devices.conf", dirname(dir));
	FILE *file = fopen(path, "r");
	if (!file) return;
	while (device_count < MAX_DEVICES && fgets(line, sizeof line, file)) {
		struct fake_device *d = &devices[device_count];
		char processes[256] = "";
		memset(d, 0, sizeof *d);
		if (sscanf(line, "%95[^|]|%llu|%d.%d|%95[^|]|%15[^|\n]|%255[^\n]", d->name,
		           &d->memory_mib, &d->major, &d->minor, d->uuid, d->state, processes) < 6)
			continue;
		for (char *item = strtok(processes, ","); item && d->process_count < MAX_PROCESSES;
		     item = strtok(NULL, ",")) {
			unsigned int pid;
			unsigned long long mib;
			if (sscanf(item, "%u:%llu", &pid, &mib) == 2) {
				d->pids[d->process_count] = pid;
				d->process_mib[d->process_count] = mib;
				d->process_count++;
			}
		}
		device_count++;
	}
	fclose(file);
}

static struct fake_device *device_of(void *handle) {
	struct fake_device *d = handle;
	if (d < devices || d >= devices + device_count) return NULL;
	return d;
}

static int lost(struct fake_device *d) { return strcmp(d->state, "lost") == 0; }

nvmlReturn_t nvmlInit_v2(void) { load(); initialised = 1; return NVML_SUCCESS; }
nvmlReturn_t nvmlInitWithFlags(unsigned int flags) { (void)flags; return nvmlInit_v2(); }
nvmlReturn_t nvmlShutdown(void) { initialised = 0; return NVML_SUCCESS; }
const char *nvmlErrorString(nvmlReturn_t result) { (void)result; return "fake NVML error"; }

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
	if (!initialised) return NVML_ERROR_UNINITIALIZED;
	snprintf(version, length, "999.99-fake");
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
	if (!initialised) return NVML_ERROR_UNINITIALIZED;
	*count = device_count;
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device) {
	if (!initialised) return NVML_ERROR_UNINITIALIZED;
	if (index >= device_count) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(&devices[index])) return NVML_ERROR_GPU_IS_LOST;
	*device = &devices[index];
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByUUID(const char *uuid, void **device) {
	if (!initialised) return NVML_ERROR_UNINITIALIZED;
	for (unsigned int i = 0; i < device_count; i++)
		if (strcmp(devices[i].uuid, uuid) == 0) {
			if (lost(&devices[i])) return NVML_ERROR_GPU_IS_LOST;
			*device = &devices[i];
			return NVML_SUCCESS;
		}
	return NVML_ERROR_NOT_FOUND;
}

nvmlReturn_t nvmlDeviceGetName(void *handle, char *name, unsigned int length) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	snprintf(name, length, "%s", d->name);
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUUID(void *handle, char *uuid, unsigned int length) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	snprintf(uuid, length, "%s", d->uuid);
	return NVML_SUCCESS;
}

struct memory_v2 {
	unsigned int version;
	unsigned long long total, reserved, free, used;
};

nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(void *handle, struct memory_v2 *memory) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	memory->total = d->memory_mib * 1024ULL * 1024ULL;
	memory->reserved = 0;
	memory->used = memory->total / 4;
	memory->free = memory->total - memory->used;
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCudaComputeCapability(void *handle, int *major, int *minor) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	if (strcmp(d->state, "nocc") == 0) return NVML_ERROR_NOT_SUPPORTED;
	*major = d->major;
	*minor = d->minor;
	return NVML_SUCCESS;
}

struct utilization { unsigned int gpu, memory; };

nvmlReturn_t nvmlDeviceGetUtilizationRates(void *handle, struct utilization *utilization) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	utilization->gpu = 42;
	utilization->memory = 17;
	return NVML_SUCCESS;
}

struct process_info {
	unsigned int pid;
	unsigned long long used_gpu_memory;
	unsigned int gpu_instance_id, compute_instance_id;
};

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(void *handle, unsigned int *count,
                                                     struct process_info *infos) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	if (*count < d->process_count || (!infos && d->process_count > 0)) {
		*count = d->process_count;
		return NVML_ERROR_INSUFFICIENT_SIZE;
	}
	for (unsigned int i = 0; i < d->process_count; i++) {
		infos[i].pid = d->pids[i];
		infos[i].used_gpu_memory = d->process_mib[i] * 1024ULL * 1024ULL;
		infos[i].gpu_instance_id = 0xffffffff;
		infos[i].compute_instance_id = 0xffffffff;
	}
	*count = d->process_count;
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMigMode(void *handle, unsigned int *current, unsigned int *pending) {
	struct fake_device *d = device_of(handle);
	if (!d) return NVML_ERROR_INVALID_ARGUMENT;
	if (lost(d)) return NVML_ERROR_GPU_IS_LOST;
	if (strcmp(d->state, "nocc") == 0) return NVML_ERROR_NOT_SUPPORTED;
	*current = *pending = strcmp(d->state, "mig") == 0 ? 1 : 0;
	return NVML_SUCCESS;
}
