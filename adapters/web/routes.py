from aiohttp import web
def mount_web(app, **kw): pass
