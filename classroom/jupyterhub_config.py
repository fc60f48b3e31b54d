# JupyterHub settings for a class working through this series on one server. Load it from your
# hub's configuration: load_subconfig("classroom/jupyterhub_config.py") in jupyterhub_config.py.
# It leaves the login, the spawner, ports and paths to your hub; tests/test_hub.py starts a real
# hub with it. The guide: README, "For teachers: a class on one server".
import sys

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)

# One CPU thread per learner: torch would start one per core in every learner's kernel, and thirty
# kernels on the same cores slow each other down. The series' printed numbers are made with one.
c.Spawner.environment = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

# JupyterLab, as the series is written for it.
c.Spawner.default_url = "/lab"

# A learner's server with its kernel takes about 400 MiB after `import torch, matplotlib, helpers`
# (tools/hub_memory.py measures it); 1 GiB leaves room for the exercises. Spawners that can
# enforce it do (systemd's, Kubernetes'); the local-process spawner ignores it.
c.Spawner.mem_limit = "1G"

# Stop servers idle for an hour (jupyterhub-idle-culler, with the scopes its README lists),
# so that their memory goes back to the class. Appended: services your configuration has stay.
c.JupyterHub.services.append(
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }
)
c.JupyterHub.load_roles.append(
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
)
