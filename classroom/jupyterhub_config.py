# JupyterHub settings for a class working through this series on one server. Load it at the end
# of your hub's jupyterhub_config.py: load_subconfig("/path/to/classroom/jupyterhub_config.py")
# with an absolute path (a relative path is looked up from the hub's working folder, and a file
# not found is skipped silently). It leaves the login, the spawner, ports and paths to your hub;
# jupyterhub-idle-culler must be installed in the hub's own Python. tests/test_hub.py starts a
# real hub with it. The guide: README, "For teachers: a class on one server with JupyterHub".
import sys

c = get_config()  # noqa: F821 (JupyterHub's config loader defines it)

# One CPU thread per learner: torch would start one per core in every learner's kernel, and thirty
# kernels on the same cores slow each other down. The series' printed numbers are made with one.
c.Spawner.environment.update({"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})

# JupyterLab, as the series is written for it.
c.Spawner.default_url = "/lab"

# A learner's server with its kernel takes about 400 MiB after `import torch, matplotlib, helpers`
# (tools/hub_memory.py measures it); notebook 09 starts two more processes that import torch (not
# measured under a limit), so 2 GiB. Spawners that can enforce it do (systemd's, Kubernetes');
# the local-process spawner ignores it.
c.Spawner.mem_limit = "2G"

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
