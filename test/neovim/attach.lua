-- Drives Neovim's built-in LSP client against the Seed Lens server, headless:
-- attaches the server to the current buffer, waits for diagnostics, asks for a
-- hover and the document symbols, and writes what it saw as JSON to $SEED_OUT.
local out = os.getenv('SEED_OUT')
local server = os.getenv('SEED_SERVER')
local line = tonumber(os.getenv('SEED_HOVER_LINE'))
local character = tonumber(os.getenv('SEED_HOVER_CHARACTER'))
local seen = { steps = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(seen) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.bo.filetype = 'text'
  local id = vim.lsp.start_client({
    name = 'seed-lens',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    settings = { seedLens = { index = { enabled = false } } },
  })
  table.insert(seen.steps, 'started')
  vim.lsp.buf_attach_client(0, id)
  local client = vim.lsp.get_client_by_id(id)
  seen.initialized = vim.wait(15000, function() return client.initialized end, 50)
  table.insert(seen.steps, 'initialized')
  seen.diagnosticsArrived = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  seen.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(seen.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message })
  end
  local doc = vim.lsp.util.make_text_document_params()
  local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = doc, position = { line = line, character = character } }, 15000)
  seen.hover = hover and hover[id] and hover[id].result or vim.NIL
  table.insert(seen.steps, 'hover')
  local symbols = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = doc }, 15000)
  seen.symbols = symbols and symbols[id] and symbols[id].result or vim.NIL
  table.insert(seen.steps, 'symbols')
  vim.lsp.stop_client(id)
end)
if not ok then seen.error = tostring(err) end
finish()
